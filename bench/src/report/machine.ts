import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, loadavg, release, totalmem } from 'node:os'
import { join } from 'node:path'
import * as v from 'valibot'

/** Where the numbers were measured. */
export interface MachineInfo {
  readonly cpuModel: string
  readonly cores: number
  readonly memoryGiB: number
  readonly os: string
  readonly node: string
  /** 1-minute load average when the run started: other work sharing the machine. */
  readonly loadAverage: number
}

/**
 * The 1-minute load average now.
 *
 * @returns runnable processes averaged over the last minute
 */
export function currentLoadAverage(): number {
  return loadavg()[0] ?? 0
}

/**
 * Describes this machine and runtime.
 *
 * @returns CPU model, logical cores, memory, OS, Node version and load average
 */
export function describeMachine(): MachineInfo {
  const cores = cpus()
  return {
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${process.platform} ${release()} (${process.arch})`,
    node: process.version,
    loadAverage: currentLoadAverage(),
  }
}

const PackageJsonSchema = v.object({ version: v.string() })

/**
 * The installed version of a package, as resolved from a given module.
 *
 * @param name - the package name
 * @param from - a module URL to resolve from (e.g. a workspace package's entry)
 * @default from this file
 * @returns the version, or `'not installed'`
 */
export function installedVersion(name: string, from: string = import.meta.url): string {
  const require = createRequire(from)
  const candidates = [`${name}/package.json`, name]
  for (const specifier of candidates) {
    try {
      const resolved = require.resolve(specifier)
      const file = specifier.endsWith('package.json') ? resolved : findPackageJson(resolved, name)
      if (file === undefined) continue
      return v.parse(PackageJsonSchema, JSON.parse(readFileSync(file, 'utf8'))).version
    } catch {
      // not exported or not installed: try the next way
    }
  }
  return 'not installed'
}

function findPackageJson(resolved: string, name: string): string | undefined {
  const marker = `/node_modules/${name}/`
  const at = resolved.lastIndexOf(marker)
  return at === -1 ? undefined : join(resolved.slice(0, at + marker.length), 'package.json')
}
