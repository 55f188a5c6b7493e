import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { WORKER_COMPATIBILITY_DATE } from '../bundle/build-bundle.ts'
import { runWrangler } from '../bundle/run-wrangler.ts'
import { summarizeCpuProfile } from '../profile/summarize-cpu-profile.ts'
import { roundOrder } from '../stats/round-order.ts'
import { type Summary, summarize } from '../stats/summary.ts'
import { makeTempDir } from '../temp-dir.ts'

/** A Worker entry whose start-up phase is profiled. */
export interface StartupCpuTarget {
  /** Label used in reports. */
  readonly name: string
  /** The entry source; wrangler bundles it (minified) before each profile. */
  readonly entry: string
  /** e.g. `['nodejs_compat']`. */
  readonly compatibilityFlags: readonly string[]
}

/** CPU time of a Worker's start-up phase in workerd, from `wrangler check startup`. */
export type StartupCpuResult =
  | {
      readonly name: string
      /** Sampled CPU time that is not idle: parsing and evaluating the Worker's modules. */
      readonly activeMs: Summary
    }
  | { readonly name: string; readonly error: string }

/**
 * Runs `wrangler check startup` (which starts the Worker in a local workerd and profiles its
 * start-up phase) `runs` times per target, in `roundOrder`, and summarises the active CPU time.
 *
 * @param targets - the Worker entries
 * @param runs - profiles per target
 * @returns the summaries, in the order of `targets`; a target that fails once gets its error
 */
export async function benchWorkerStartupCpu(
  targets: readonly StartupCpuTarget[],
  runs: number,
): Promise<StartupCpuResult[]> {
  const samples = targets.map((): number[] => [])
  const errors = new Map<number, string>()
  const dir = await makeTempDir('startup-')
  const config = join(dir, 'wrangler.json')
  const outfile = join(dir, 'startup.cpuprofile')
  try {
    for (let round = 0; round < runs; round++) {
      for (const index of roundOrder(targets.length, round)) {
        const target = targets[index]
        if (target === undefined || errors.has(index)) continue
        await writeFile(
          config,
          JSON.stringify({
            name: 'authing-edge-bench',
            main: target.entry,
            compatibility_date: WORKER_COMPATIBILITY_DATE,
            compatibility_flags: target.compatibilityFlags,
          }),
        )
        try {
          const args = ['check', 'startup', '--config', config, '--args=--minify']
          await runWrangler([...args, '--outfile', outfile], dir)
          // The profile is V8's, as written by `wrangler check startup`: idle samples excluded.
          const profile: unknown = JSON.parse(await readFile(outfile, 'utf8'))
          samples[index]?.push(summarizeCpuProfile(profile, 0).activeMs)
        } catch (error) {
          errors.set(index, error instanceof Error ? error.message : String(error))
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  return targets.map((target, i) => {
    const error = errors.get(i)
    return error === undefined
      ? { name: target.name, activeMs: summarize(samples[i] ?? []) }
      : { name: target.name, error }
  })
}
