import { isAuthingError, isConfigError, type Logger, summarizeError } from '@authing-edge/core'
import { BrokerConfigError } from './broker.js'
import { errorResponse } from './responses.js'

/** An upstream failure as the Worker reports it: class name and codes, never a message. */
export interface UpstreamSummary {
  /** The error class, e.g. `AuthingApiError`, `HttpError`, `NetworkError`, `TimeoutError`. */
  readonly error: string
  /** Authing's business `statusCode`, for an `AuthingApiError`. */
  readonly statusCode?: number
  /** Authing's `apiCode`, when there is one. */
  readonly apiCode?: number
  /** The HTTP status upstream answered with, when there was an answer. */
  readonly httpStatus?: number
  /** Authing's `requestId`, to quote to Authing support. */
  readonly requestId?: string
}

/**
 * Describes an upstream failure by class and codes. Messages are left out on purpose: they are
 * safe in core's errors, but a 502 body is read by every internal caller.
 *
 * @param error - an error from `@authing-edge/core`
 * @returns the summary
 */
export function summarizeUpstreamError(error: unknown): UpstreamSummary {
  const { name, ...codes } = summarizeError(error)
  // Only core's own error classes are named: anything else is a bug of ours, not upstream's.
  return { error: isAuthingError(error) ? name : 'Error', ...codes }
}

/**
 * Turns what fetching a token threw into the JSON error to send: 500 `config_invalid` naming
 * the variable core refused, 502 `upstream_failed` (with Authing's `requestId` when there is
 * one) for any upstream failure, 500 `internal_error` for anything else. Logs the failure by
 * class and codes only.
 *
 * @param error - anything thrown while getting or invalidating a token
 * @param logger - where the failure is logged
 * @returns the response
 */
export function errorToResponse(error: unknown, logger: Logger): Response {
  if (error instanceof BrokerConfigError) {
    logger.error?.('invalid configuration', { variable: error.problem.variable })
    return errorResponse(500, 'config_invalid', `Invalid configuration: ${error.problem.message}`, {
      variables: [error.problem.variable],
    })
  }
  if (isAuthingError(error) && !isConfigError(error)) {
    const upstream = summarizeUpstreamError(error)
    logger.error?.('upstream failed', { ...upstream })
    const id = upstream.requestId === undefined ? '' : ` (requestId ${upstream.requestId})`
    return errorResponse(
      502,
      'upstream_failed',
      `Fetching the WeChat access token from Authing failed: ${upstream.error}${id}`,
      { ...(upstream.requestId === undefined ? {} : { requestId: upstream.requestId }), upstream },
    )
  }
  const name = error instanceof Error ? error.name : typeof error
  logger.error?.('unexpected error', { error: name })
  return errorResponse(500, 'internal_error', 'The token broker failed unexpectedly')
}
