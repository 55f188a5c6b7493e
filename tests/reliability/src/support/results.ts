import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'

/** The package folder: tests/reliability. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
/** Where each suite leaves its figures for the report (git-ignored). */
export const RESULTS_DIR = join(PACKAGE_ROOT, '.results')
declare module 'vitest' {
  export interface ProvidedContext {
    /** Tags this run's figures (see the global setup). */
    reliabilityRunId: string
  }
}

/** The generated report. */
export const REPORT_PATH = join(PACKAGE_ROOT, 'REPORT.md')

const Count = v.pipe(v.number(), v.minValue(0))

/** One row of the fault matrix as the report shows it. */
export const MatrixRowSchema = v.object({
  id: v.string(),
  fault: v.string(),
  via: v.string(),
  expected: v.string(),
  observed: v.string(),
  attempts: Count,
  elapsedMs: Count,
  boundMs: Count,
  extras: v.record(v.string(), v.number()),
  pass: v.boolean(),
})

/** What the fault-matrix suite leaves for the report. */
export const MatrixResultSchema = v.object({
  rows: v.array(MatrixRowSchema),
  unhandledRejections: Count,
  leftoverResources: v.array(v.string()),
  exitLagMs: Count,
  totalMs: Count,
})

/** A memory sample of the soak. */
export const MemorySampleSchema = v.object({
  label: v.string(),
  completed: Count,
  workerHeapMiB: Count,
  workerdRssMiB: v.array(Count),
  nodeHeapMiB: Count,
})

/** What the soak leaves for the report. */
export const SoakResultSchema = v.object({
  requests: Count,
  concurrency: Count,
  durationMs: Count,
  statuses: v.record(v.string(), Count),
  kinds: v.record(v.string(), Count),
  upstreamRequests: Count,
  faultRate: Count,
  faultsFired: v.record(v.string(), Count),
  serverErrors: Count,
  /** When each 5xx counted against the Worker started and ended, ms from the soak's start. */
  violations: v.array(v.object({ startMs: Count, endMs: Count, status: Count })),
  /** The Worker's own "upstream failed" log lines, by error class. */
  upstreamFailures: v.record(v.string(), Count),
  /** The Worker's cache events, by type, from its logs. */
  cacheEvents: v.record(v.string(), Count),
  latencyMs: v.object({ p50: Count, p95: Count, p99: Count, max: Count }),
  memory: v.array(MemorySampleSchema),
})

/** What the Worker request suite leaves for the report. */
export const WorkerChecksSchema = v.array(
  v.object({ request: v.string(), expected: v.string(), observed: v.string(), pass: v.boolean() }),
)

/** The fragments, by file name. */
export const FRAGMENTS = {
  'fault-matrix': MatrixResultSchema,
  soak: SoakResultSchema,
  'worker-checks': WorkerChecksSchema,
} as const

/** A fragment name. */
export type FragmentName = keyof typeof FRAGMENTS
/** A fragment's content. */
export type Fragment<N extends FragmentName> = v.InferOutput<(typeof FRAGMENTS)[N]>

/**
 * Saves a suite's figures for the report, tagged with the run they belong to, so that figures
 * left by an earlier or partial run are never mixed into this run's report.
 *
 * @param name - which fragment
 * @param runId - the run's id, from the global setup (`inject('reliabilityRunId')`)
 * @param value - its content (validated)
 */
export async function writeFragment<N extends FragmentName>(
  name: N,
  runId: string,
  value: Fragment<N>,
): Promise<void> {
  const checked = v.parse(FRAGMENTS[name], value)
  await mkdir(RESULTS_DIR, { recursive: true })
  const text = JSON.stringify({ runId, value: checked }, null, 2)
  await writeFile(join(RESULTS_DIR, `${name}.json`), `${text}\n`)
}

const TaggedSchema = v.object({ runId: v.string(), value: v.unknown() })

/**
 * Reads a suite's figures back, validated.
 *
 * @param name - which fragment
 * @param runId - only figures of this run count
 * @returns the content, or `undefined` when the suite did not run in this run (or left garbage)
 */
export async function readFragment<N extends FragmentName>(
  name: N,
  runId: string,
): Promise<Fragment<N> | undefined> {
  let text: string
  try {
    text = await readFile(join(RESULTS_DIR, `${name}.json`), 'utf8')
  } catch {
    return undefined
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return undefined
  }
  const tagged = v.safeParse(TaggedSchema, json)
  if (!tagged.success || tagged.output.runId !== runId) return undefined
  const parsed = v.safeParse(FRAGMENTS[name], tagged.output.value)
  return parsed.success ? parsed.output : undefined
}
