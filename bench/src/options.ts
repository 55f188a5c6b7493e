import type { CachePlan } from './sections/cache-section.ts'
import type { OverheadPlan } from './sections/overhead-section.ts'
import type { StartupPlan } from './sections/startup-section.ts'

/** What one run measures, and where it writes. */
export interface RunPlan {
  /** `true` for `--quick`: small samples, nothing written. */
  readonly quick: boolean
  readonly overhead: OverheadPlan
  readonly cache: CachePlan
  readonly startup: StartupPlan
}

const FULL: RunPlan = {
  quick: false,
  // 600 rounds: with 200, two runs on this machine gave 1.07x and 1.16x for the same code, a wider
  // spread than the margin to the 1.10x target.
  overhead: { warmupRounds: 30, rounds: 600, callsPerBatch: 20 },
  cache: {
    hits: { warmupCalls: 500_000, samples: 15, callsPerSample: 1_000_000 },
    stampedeTrials: 5,
  },
  startup: { importRuns: 20, workerRuns: 11, cpuRuns: 7 },
}

const QUICK: RunPlan = {
  quick: true,
  overhead: { warmupRounds: 5, rounds: 20, callsPerBatch: 10 },
  cache: { hits: { warmupCalls: 50_000, samples: 3, callsPerSample: 200_000 }, stampedeTrials: 2 },
  startup: { importRuns: 3, workerRuns: 1, cpuRuns: 1 },
}

/**
 * Reads the command line of `pnpm bench`.
 *
 * @param argv - the arguments after the script name
 * @returns the plan: the full run, or with `--quick` a smoke run that writes nothing
 * @throws Error for an unknown argument
 */
export function parseArgs(argv: readonly string[]): RunPlan {
  let plan = FULL
  for (const arg of argv) {
    if (arg === '--quick') plan = QUICK
    else if (arg !== '--') throw new Error(`unknown argument ${arg}; the only option is --quick`)
  }
  return plan
}
