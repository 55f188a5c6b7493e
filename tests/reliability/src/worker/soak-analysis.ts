import * as v from 'valibot'
import { type SoakKind, WORKER_SKEW_MS } from './soak-plan.ts'

const LogLineSchema = v.object({
  message: v.string(),
  /** An error class on "upstream failed" lines; an object on cache events. */
  error: v.optional(v.unknown()),
  type: v.optional(v.string()),
})

/** A Worker log line as far as the report cares. */
export type WorkerLogLine = v.InferOutput<typeof LogLineSchema>

/**
 * Parses the Worker's JSON log lines (the cache's events carry a `type`, upstream failures an
 * `error` class); other lines are skipped.
 *
 * @param lines - console lines the Worker wrote
 * @returns the parsed lines
 */
export function parseWorkerLogs(lines: readonly string[]): WorkerLogLine[] {
  return lines.flatMap((line) => {
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      return []
    }
    const parsed = v.safeParse(LogLineSchema, json)
    return parsed.success ? [parsed.output] : []
  })
}

/** One request of the soak as the load generator saw it (times from `performance.now()`). */
export interface SoakRecord {
  readonly kind: SoakKind
  readonly start: number
  readonly end: number
  /** HTTP status; 0 when fetch itself failed. */
  readonly status: number
  /** For a 200 token answer: the token's expiry, mapped onto the `performance.now()` clock. */
  readonly validUntil?: number
}

/** An invalidation request: the Worker dropped the token somewhere between start and end. */
export interface Invalidation {
  readonly start: number
  readonly end: number
}

/**
 * Whether the Worker certainly held a valid token for the whole of `failure`: a token answer
 * had come back before it started, that token was still servable (outside the skew) when it
 * ended, and no invalidation request overlapped the span from that token being asked for to
 * the failure ending (the Worker drops the token somewhere inside an invalidation request, so
 * one still in flight when the token was served may have dropped it after). A failure after
 * an invalidation, when the Worker holds no token, is not counted.
 *
 * @param failure - a 5xx record
 * @param served - 200 token answers, sorted by end
 * @param invalidations - the invalidation requests
 * @returns true when a valid token was cached throughout
 */
export function wasCachedThroughout(
  failure: SoakRecord,
  served: readonly SoakRecord[],
  invalidations: readonly Invalidation[],
): boolean {
  let last: SoakRecord | undefined
  for (const record of served) {
    if (record.end > failure.start) break
    last = record
  }
  if (last?.validUntil === undefined || last.validUntil <= failure.end) return false
  const from = last.start
  return !invalidations.some((i) => i.end >= from && i.start <= failure.end)
}

/**
 * Counts the 5xx answers, and those that came while a valid token was cached.
 *
 * @param records - every request of the soak
 * @returns both counts
 */
export function classifyServerErrors(records: readonly SoakRecord[]): {
  all: number
  /** The 5xx answers that came while a valid token was cached. */
  violations: SoakRecord[]
} {
  const served = records
    .filter((r) => r.kind === 'get' && r.status === 200)
    .sort((a, b) => a.end - b.end)
  const invalidations = records.filter((r) => r.kind === 'rotate')
  const failures = records.filter((r) => r.status >= 500)
  const violations = failures.filter((f) => wasCachedThroughout(f, served, invalidations))
  return { all: failures.length, violations }
}

/**
 * Maps an epoch-millisecond expiry onto the `performance.now()` clock, minus the Worker's skew:
 * the last instant the Worker may serve the token.
 *
 * @param expiresAt - epoch milliseconds
 * @returns a `performance.now()` instant
 */
export function servableUntil(expiresAt: number): number {
  return expiresAt - WORKER_SKEW_MS - Date.now() + performance.now()
}

/**
 * @param values - any numbers
 * @param p - 0 to 1
 * @returns the p-quantile (nearest rank), or 0 for no values
 */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0
}
