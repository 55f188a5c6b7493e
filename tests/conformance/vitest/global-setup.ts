// Runs in Node before the runtime starts. run-matrix.mjs passes the emulator it started in
// CONFORMANCE_EMULATOR_URL; run alone (`vitest run -c vitest.workerd.config.ts`), this starts
// one and returns its teardown (in browser mode this runs once per project, hence the closure).
import { startEmulatorServer } from '@authing-edge/emulator/node'
import type { TestProject } from 'vitest/node'

/**
 * Provides `emulatorUrl` to the tests, starting an emulator when none was given.
 *
 * @param project - the vitest project being set up
 * @returns the emulator's teardown, when this started one
 */
export default async function setup(
  project: TestProject,
): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.CONFORMANCE_EMULATOR_URL
  if (given) {
    project.provide('emulatorUrl', given)
    return undefined
  }
  const server = await startEmulatorServer({
    port: 0,
    host: '127.0.0.1',
    cors: true,
    controlApi: true,
  })
  project.provide('emulatorUrl', server.url)
  return () => server.close()
}
