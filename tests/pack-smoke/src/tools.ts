import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { ConsumerProject, PackSmokeContext } from './context.ts'

/**
 * Path of a command-line tool installed at the repository root (`node_modules/.bin`), where the
 * release tools (publint, attw, size-limit, typedoc, jsr) are devDependencies.
 *
 * @param root - repository root
 * @param name - the binary's name
 * @returns its path
 */
export function rootBin(root: string, name: string): string {
  return join(root, 'node_modules', '.bin', name)
}

/** The TypeScript compiler this package pins (the same version the packages build with). */
export const TSC: string = createRequire(import.meta.url).resolve('typescript/bin/tsc')

/**
 * The installed consumer project, or a failure that says why there is none.
 *
 * @param context - the global setup's context
 * @returns the consumer project
 * @throws Error with the install's output when the install failed
 */
export function consumerOf(context: PackSmokeContext): ConsumerProject {
  if ('error' in context.consumer) {
    throw new Error(`the consumer project could not be installed:\n${context.consumer.error}`)
  }
  return context.consumer
}
