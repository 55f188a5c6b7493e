import { AuthenticationClient, isAuthingError, type Logger } from '@authing-edge/core'
import type { MatrixEnvironment } from './environment.ts'
import type { FaultCase } from './fault-case.ts'
import { elapsedBoundMs, MATRIX_MAX_RESPONSE_BYTES, MATRIX_TIMING } from './timing.ts'

/** What one case did, as the report and the assertions see it. */
export interface CaseObservation {
  readonly id: string
  readonly outcome: 'success' | 'error'
  /** The error's `name` (`TypeError` for a stray error, `non-error` for a thrown non-object). */
  readonly errorName?: string
  /** Whether the error came from authing-edge (`isAuthingError`). */
  readonly typed?: boolean
  /** Numeric fields of the error: status, statusCode, httpStatus, apiCode, timeout. */
  readonly details: Record<string, number>
  /** Calls to `fetch`: one per attempt. */
  readonly attempts: number
  readonly elapsedMs: number
  /** The upper bound derived from the case's timeout and retry policy. */
  readonly boundMs: number
  /** The numbers the case asked to report (see `FaultCase.extraBounds`). */
  readonly extras: Record<string, number>
}

/** A case's observation plus what stays in process: the error itself. */
export interface CaseRun {
  readonly observation: CaseObservation
  readonly error: unknown
}

/** Extra options of a run: what the secret-leak suite adds. */
export interface RunCaseOptions {
  readonly logger?: Logger
  /** The Authing app secret given to the client (never sent). */
  readonly authingAppSecret?: string
}

const DETAIL_FIELDS = ['status', 'statusCode', 'httpStatus', 'apiCode', 'timeout'] as const
const KNOWN_ENVELOPE_KEYS = new Set(['statusCode', 'message', 'apiCode', 'requestId', 'data'])
const KNOWN_DATA_KEYS = new Set(['accessToken', 'expiresAt'])
const MIB = 1024 * 1024

function detailsOf(error: unknown): Record<string, number> {
  const details: Record<string, number> = {}
  if (typeof error !== 'object' || error === null) return details
  for (const field of DETAIL_FIELDS) {
    const value: unknown = Reflect.get(error, field)
    if (typeof value === 'number') details[field] = value
  }
  return details
}

function hasUnknownKeys(value: unknown, known: ReadonlySet<string>): boolean {
  return (
    typeof value === 'object' && value !== null && Object.keys(value).some((k) => !known.has(k))
  )
}

/**
 * Runs one case: arranges the fault, calls `getWechatMpAccessTokenInfo` once with
 * `throwOnApiError`, and observes the outcome, the attempts (calls to the injected `fetch`) and
 * the time taken.
 *
 * @param faultCase - the case
 * @param env - the servers
 * @param options - logger and Authing app secret, for the leak suite
 * @returns the observation, and the error
 */
export async function runCase(
  faultCase: FaultCase,
  env: MatrixEnvironment,
  options: RunCaseOptions = {},
): Promise<CaseRun> {
  const arranged = await faultCase.arrange(env)
  const timing = arranged.timing ?? MATRIX_TIMING
  const { credentials } = env
  let attempts = 0
  const client = new AuthenticationClient({
    appId: credentials.authingAppId,
    appHost: arranged.appHost,
    accessToken: credentials.userAccessToken,
    appSecret: options.authingAppSecret,
    timeout: timing.timeout,
    retry: timing.retry,
    maxResponseBytes: MATRIX_MAX_RESPONSE_BYTES,
    throwOnApiError: true,
    logger: options.logger,
    fetch: (request, init) => {
      attempts++
      return fetch(request, init)
    },
  })
  const rssBefore = process.memoryUsage().rss
  const started = performance.now()
  let envelope: unknown
  let error: unknown
  let failed = false
  try {
    envelope = await client.getWechatMpAccessTokenInfo({
      appId: credentials.wechatAppId,
      appSecret: credentials.wechatAppSecret,
    })
  } catch (caught) {
    failed = true
    error = caught
  }
  const elapsedMs = Math.round(performance.now() - started)
  const available: Record<string, number> = {
    ...(await arranged.extras?.()),
    rssGrowthMiB: Math.max(
      0,
      Math.round(((process.memoryUsage().rss - rssBefore) / MIB) * 10) / 10,
    ),
    extraFieldsKept:
      hasUnknownKeys(envelope, KNOWN_ENVELOPE_KEYS) &&
      hasUnknownKeys(Reflect.get(Object(envelope), 'data'), KNOWN_DATA_KEYS)
        ? 1
        : 0,
  }
  const extras: Record<string, number> = {}
  for (const key of Object.keys(faultCase.extraBounds ?? {})) {
    const value = available[key]
    if (value !== undefined) extras[key] = value
  }
  const errorName =
    typeof error === 'object' && error !== null ? String(Reflect.get(error, 'name')) : 'non-error'
  const observation: CaseObservation = {
    id: faultCase.id,
    outcome: failed ? 'error' : 'success',
    ...(failed ? { errorName, typed: isAuthingError(error) } : {}),
    details: detailsOf(error),
    attempts,
    elapsedMs,
    boundMs: elapsedBoundMs(timing),
    extras,
  }
  return { observation, error }
}
