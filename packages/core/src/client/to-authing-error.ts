import {
  SUCCESS_STATUS_CODE,
  type WechatAccessTokenFailure,
  WechatAccessTokenFailureSchema,
} from '@authing-edge/types'
import {
  isHTTPError,
  isNetworkError as isKyNetworkError,
  isTimeoutError as isKyTimeoutError,
} from 'ky'
import { safeParse } from 'valibot'
import { AuthingApiError } from '../errors/authing-api-error.js'
import { isAuthingError } from '../errors/authing-error.js'
import { HttpError } from '../errors/http-error.js'
import { NetworkError } from '../errors/network-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { bufferedBodyOf } from './buffered-fetch.js'
import { decodeUtf8, isJsonObject, parseJsonOrUndefined } from './decode.js'
import type { ValidationContext } from './parse-envelope.js'
import { sanitizeCause } from './sanitize.js'

/** Everything needed to turn a failure into a typed, redacted error. */
export interface FailureContext extends ValidationContext {
  /** The per-attempt timeout of the call, in milliseconds. */
  readonly timeout: number
  /** The caller's signal: when it fired, its reason is what the call rejects with. */
  readonly signal: AbortSignal | undefined
}

/** Characters of a body kept in an {@link HttpError}. */
const EXCERPT_CHARS = 512

/**
 * Builds an {@link AuthingApiError} from a business-error envelope, scrubbing the server's
 * strings (a server may echo a secret in `message`).
 *
 * @param envelope - a validated failure envelope
 * @param httpStatus - the HTTP status it came with
 * @param context - request summary and scrubber
 * @returns the error to throw
 */
export function apiErrorFrom(
  envelope: WechatAccessTokenFailure,
  httpStatus: number,
  context: ValidationContext,
): AuthingApiError {
  const sanitize = context.sanitize()
  return new AuthingApiError(
    {
      statusCode: envelope.statusCode,
      apiCode: envelope.apiCode,
      requestId: envelope.requestId === undefined ? undefined : sanitize(envelope.requestId, 200),
      httpStatus,
      serverMessage: sanitize(envelope.message, 1000),
    },
    { request: context.request },
  )
}

/** A non-2xx answer: a business-error envelope (e.g. 429 after the last retry) or an HttpError. */
function fromResponse(response: Response, data: unknown, context: FailureContext): Error {
  const { status } = response
  const body = bufferedBodyOf(response)
  // A hook may have replaced the response: fall back to what ky read of it.
  const text = body
    ? decodeUtf8(body.bytes)
    : typeof data === 'string'
      ? data
      : data === undefined
        ? ''
        : (JSON.stringify(data) ?? '')
  const json = body?.truncated ? undefined : parseJsonOrUndefined(text)
  if (status >= 400 && isJsonObject(json) && json.statusCode !== SUCCESS_STATUS_CODE) {
    const result = safeParse(WechatAccessTokenFailureSchema, json)
    if (result.success) return apiErrorFrom(result.output, status, context)
  }
  const sanitize = context.sanitize()
  const headerId =
    response.headers.get('x-request-id') ?? response.headers.get('x-authing-request-id')
  const bodyId = isJsonObject(json) && typeof json.requestId === 'string' ? json.requestId : null
  const requestId = headerId ?? bodyId
  return new HttpError(
    {
      status,
      requestId: requestId === null ? undefined : sanitize(requestId, 200),
      bodyExcerpt: sanitize(text, EXCERPT_CHARS),
    },
    { request: context.request },
  )
}

/**
 * Turns whatever the ky pipeline rejected with into the error the caller sees. A caller's abort
 * wins and rejects with the signal's reason, untouched. ky errors are never kept as `cause`: they
 * hold the request, its headers and its body.
 *
 * @param error - what ky (or a hook) threw
 * @param context - request summary, timeout, signal and scrubber
 * @returns the error to throw
 */
export function toAuthingError(error: unknown, context: FailureContext): unknown {
  if (context.signal?.aborted) return context.signal.reason
  if (isAuthingError(error)) return error
  if (isHTTPError(error)) return fromResponse(error.response, error.data, context)
  if (isKyTimeoutError(error))
    return new TimeoutError(context.timeout, { request: context.request })
  const low = isKyNetworkError(error) ? error.cause : error
  return new NetworkError({
    cause: sanitizeCause(low, context.sanitize()),
    request: context.request,
  })
}
