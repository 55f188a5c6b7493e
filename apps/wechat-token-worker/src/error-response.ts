import { isAuthingError, isConfigError, type Logger, summarizeError } from '@authing-edge/core'
import { BrokerConfigError } from './broker.js'
import { errorResponse } from './responses.js'

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
    // By class and codes, never a message: safe in core's errors, but a 502 body is read by
    // every internal caller. `error` first, then the codes, as callers have always seen it.
    const { name: className, ...codes } = summarizeError(error)
    const upstream = { error: className, ...codes }
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
