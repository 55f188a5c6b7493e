import type { HitRateResult } from '../cache/bench-cache-hits.ts'
import type { StampedeResult } from '../cache/bench-stampede.ts'
import type { ColdImportResult } from '../startup/bench-cold-import.ts'
import type { WorkerStartResult } from '../startup/bench-worker-startup.ts'
import type { StartupCpuResult } from '../startup/bench-worker-startup-cpu.ts'
import type { Summary } from '../stats/summary.ts'
import type { MachineInfo } from './machine.ts'

/** Per-call time of one contender, in microseconds. */
export interface ContenderTiming {
  readonly name: string
  readonly perCallUs: Summary
}

/** How one contender compares with another, from the same rounds. */
export interface TimingRatio {
  readonly numerator: string
  readonly denominator: string
  /** median(numerator) / median(denominator). */
  readonly ofMedians: number
  /** numerator / denominator round by round, summarised (robust to slow spells). */
  readonly paired: Summary
}

/** Section a: one interleaved comparison against one server. */
export interface OverheadResult {
  /** Which server answered, e.g. "raw node:http, fixed envelope". */
  readonly server: string
  readonly warmupRounds: number
  readonly rounds: number
  readonly callsPerBatch: number
  readonly contenders: readonly ContenderTiming[]
  readonly ratios: readonly TimingRatio[]
}

/** Section d: one bundle, or why it could not be built. */
export interface BundleRow {
  readonly name: string
  /** How it was built, e.g. "esbuild, workerd conditions". */
  readonly build: string
  readonly outcome:
    | {
        readonly ok: true
        readonly minBytes: number
        readonly gzipBytes: number
        /** Largest contributors (minified bytes), for the curious. */
        readonly topPackages: ReadonlyArray<readonly [string, number]>
      }
    | { readonly ok: false; readonly error: string }
}

/** One of the targets, checked against what was measured. */
export interface TargetCheck {
  readonly target: string
  readonly measured: string
  /** `undefined` when the figure could not be measured in this run. */
  readonly met: boolean | undefined
}

/** Section e. */
export interface StartupResults {
  readonly coldImport: readonly ColdImportResult[]
  readonly workerStart: readonly WorkerStartResult[]
  readonly workerStartupCpu: readonly StartupCpuResult[]
}

/** Everything one `pnpm bench` run measured. */
export interface BenchResults {
  readonly startedAt: string
  readonly durationSeconds: number
  readonly machine: MachineInfo
  /** 1-minute load average when the run ended. */
  readonly loadAverageAtEnd: number
  readonly versions: Readonly<Record<string, string>>
  readonly overhead: readonly OverheadResult[]
  readonly cacheHits: { readonly cache: HitRateResult; readonly asyncMapBaseline: HitRateResult }
  readonly stampede: StampedeResult
  readonly bundles: readonly BundleRow[]
  readonly startup: StartupResults
  readonly targets: readonly TargetCheck[]
  /** Things the reader must know: failures, substitutions, caveats. */
  readonly notes: readonly string[]
}
