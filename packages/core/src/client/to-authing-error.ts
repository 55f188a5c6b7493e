import { type WechatAccessTokenFailure, WechatAccessTokenFailureSchema } from '@authing-edge/types'
import { HTTPError, TimeoutError as KyTimeoutError } from 'ky'
import { safeParse } from 'valibot'
import { AuthingApiError } from '../errors/authing-api-error.js'
import { isAuthingError } from '../errors/authing-error.js'
import { HttpError } from '../errors/http-error.js'
import { NetworkError } from '../errors/network-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { bodyOf } from './body-of.js'
import type { BufferedBody } from './buffered-fetch.js'
import { isHookError } from './hook-guard.js'
import { isRecord } from './is-record.js'
import { parseJson, type RequestContext } from './parse-envelope.js'
import { createSanitizer, sanitizeCause } from './sanitize.js'

/** Everything needed to turn a failure into a typed, redacted error. */
export interface FailureContext extends RequestContext {
  /** The per-attempt timeout of the call, in milliseconds. */
  readonly timeout: number
  /** The caller's signal: when it fired, its reason is what the call rejects with. */
  readonly signal: AbortSignal | undefined
  /** The largest response body read, for a response a user hook put in place. */
  readonly maxResponseBytes: number
}

/**
 * Builds an {@link AuthingApiError} from a business-error envelope, scrubbing the server's
 * strings (a server may echo a secret in `message`).
 *
 * @param envelope - a validated failure envelope
 * @param httpStatus - the HTTP status it came with
 * @param context - request summary and secrets
 * @returns the error to throw
 */
export function apiErrorFrom(
  envelope: WechatAccessTokenFailure,
  httpStatus: number,
  context: Pick<RequestContext, 'secrets'> & Partial<Pick<RequestContext, 'request'>>,
): AuthingApiError {
  const sanitize = createSanitizer(context.secrets)
  const { requestId } = envelope
  return new AuthingApiError(
    {
      statusCode: envelope.statusCode,
      apiCode: envelope.apiCode,
      requestId: requestId && sanitize(requestId, 200),
      httpStatus,
      serverMessage: sanitize(envelope.message, 1000),
    },
    { request: context.request },
  )
}

/**
 * The error for a non-2xx answer: an {@link AuthingApiError} when the body is a business-error
 * envelope (e.g. a 429 after the last retry), otherwise an {@link HttpError} with a redacted
 * excerpt.
 *
 * @param response - the answer
 * @param body - its body, as read
 * @param context - request summary and secrets
 * @returns the error to throw
 */
export function errorFromResponse(
  response: Response,
  body: BufferedBody,
  context: FailureContext,
): Error {
  const { status, headers } = response
  const { text } = body
  const json = body.truncated ? undefined : parseJson(text)
  // The failure schema accepts no statusCode 200: a success envelope stays an HttpError.
  if (status >= 400) {
    const result = safeParse(WechatAccessTokenFailureSchema, json)
    if (result.success) return apiErrorFrom(result.output, status, context)
  }
  const sanitize = createSanitizer(context.secrets)
  const requestId =
    headers.get('x-request-id') ??
    headers.get('x-authing-request-id') ??
    (isRecord(json) && typeof json.requestId === 'string' ? json.requestId : undefined)
  return new HttpError(
    {
      status,
      requestId: requestId && sanitize(requestId, 200),
      bodyExcerpt: sanitize(text, 512),
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
 * @param context - request summary, timeout, signal and secrets
 * @returns the error to throw
 */
export async function toAuthingError(error: unknown, context: FailureContext): Promise<unknown> {
  const { signal, request } = context
  if (signal?.aborted) return signal.reason
  if (isAuthingError(error)) return error
  // A hook's own error, whatever its class (a hook may use ky or a fetch of its own).
  if (isHookError(error)) return new NetworkError({ cause: scrubbed(error, context), request })
  if (error instanceof HTTPError) {
    const { response } = error
    const body = await bodyOf(response, context).catch(() => EMPTY_BODY)
    if (signal?.aborted) return signal.reason
    return errorFromResponse(response, body, context)
  }
  // ky's own timer; a hook's timeout of its own, whatever its name, is the hook's error.
  if (error instanceof KyTimeoutError) return new TimeoutError(context.timeout, { request })
  return new NetworkError({ cause: scrubbed(error, context), request })
}

/** A copy of a low-level error without the call's secrets. */
function scrubbed(error: unknown, context: FailureContext): unknown {
  return sanitizeCause(error, createSanitizer(context.secrets))
}

/** What an unreadable body reads as. */
const EMPTY_BODY: BufferedBody = { text: '', truncated: false, bytes: new Uint8Array(0) }
