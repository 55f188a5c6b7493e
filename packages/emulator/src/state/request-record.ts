import type { EndpointName } from '../endpoint-name.js'
import type { FaultKind } from '../faults/fault-schema.js'

/** `success`, a business error, throttled, a fault, an unknown route, or still in flight. */
export const REQUEST_RESULTS = [
  'success',
  'business-error',
  'rate-limited',
  'fault',
  'not-found',
  'pending',
] as const

/** How a recorded request was answered. */
export interface RequestOutcome {
  /** `success`, a business error, throttled, a fault, an unknown route, or still in flight. */
  result: (typeof REQUEST_RESULTS)[number]
  /** HTTP status sent; 0 when no response was (or has yet been) sent. */
  status: number
  /** Business `statusCode` of the JSON envelope, when there was one. */
  statusCode?: number
  /** `apiCode` of a business error. */
  apiCode?: number
  /** The injected fault, if any. */
  fault?: FaultKind
}

/** A request the emulator received, with every secret redacted. */
export interface RecordedRequest {
  /** 1, 2, 3, ... in arrival order; never reused until a reset. */
  readonly seq: number
  /** The `requestId` the emulator assigned (returned in business-error envelopes). */
  readonly requestId: string
  /** Arrival time, emulator-clock epoch milliseconds. */
  readonly receivedAt: number
  /** HTTP method. */
  readonly method: string
  /** URL path (no query string). */
  readonly path: string
  /** Which endpoint it hit, or `other`. */
  readonly endpoint: EndpointName | 'other'
  /** Request headers, lower-case names, secrets redacted. */
  readonly headers: Readonly<Record<string, string>>
  /** The Authing app id sent, from `x-authing-app-id` or else `x-genauth-app-id`. */
  readonly appId?: string
  /** How `authorization` was sent: absent, a raw token, or `Bearer <token>`. */
  readonly authorization: 'none' | 'raw' | 'bearer'
  /** The JSON body with secrets redacted, when it parsed. */
  readonly body?: unknown
  /** The body text (redacted, shortened) when it was not valid JSON. */
  readonly bodyText?: string
  /** How it was answered. */
  readonly outcome: Readonly<RequestOutcome>
}

/** Requests received per endpoint (preflights and unknown routes included, control calls not). */
export type RequestCounts = Record<EndpointName | 'preflight' | 'other', number>

/** The emulator's record of requests: the latest entries and lifetime counts. */
export interface RequestRecord {
  /** Appends an entry (dropping the oldest beyond the limit) and counts it. */
  add(entry: RecordedRequest): void
  /** Counts a preflight, which is not recorded. */
  countPreflight(): void
  /** A copy of the recorded entries, oldest first. */
  list(): RecordedRequest[]
  /** A copy of the counts. */
  counts(): RequestCounts
  /** Forgets entries and counts. */
  clear(): void
}

/**
 * Creates an empty request record.
 *
 * @param maxEntries - how many entries to keep; counts are never capped
 * @returns a request record
 */
export function createRequestRecord(maxEntries: number): RequestRecord {
  let entries: RecordedRequest[] = []
  let counts = emptyCounts()
  return {
    add(entry) {
      entries.push(entry)
      if (entries.length > maxEntries) entries.splice(0, entries.length - maxEntries)
      counts[entry.endpoint]++
    },
    countPreflight() {
      counts.preflight++
    },
    list: () => entries.map((entry) => ({ ...entry, outcome: { ...entry.outcome } })),
    counts: () => ({ ...counts }),
    clear() {
      entries = []
      counts = emptyCounts()
    },
  }
}

function emptyCounts(): RequestCounts {
  return {
    'get-wechat-access-token-info': 0,
    'get-wechat-access-token': 0,
    preflight: 0,
    other: 0,
  }
}
