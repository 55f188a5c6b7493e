import { SUCCESS_MESSAGE } from './api-codes.js'

/** A JSON envelope as the endpoints send it, before any fault reshapes it. */
export type Envelope = Record<string, unknown>

/** What the endpoint logic decided: the envelope and its HTTP status. */
export interface EndpointResult {
  /** HTTP status (200 except for throttling). */
  readonly status: number
  /** The JSON body. */
  readonly envelope: Envelope
  /** Extra response headers (e.g. `retry-after`). */
  readonly headers?: Readonly<Record<string, string>>
}

/**
 * A business-error envelope, sent with HTTP 200 like upstream does.
 *
 * @param statusCode - business status code (not 200)
 * @param apiCode - fine-grained error code
 * @param message - what is wrong; never contains a secret
 * @param requestId - the request's id
 * @returns the result
 */
export function businessError(
  statusCode: number,
  apiCode: number,
  message: string,
  requestId: string,
): EndpointResult {
  return { status: 200, envelope: { statusCode, message, apiCode, requestId } }
}

/**
 * A success envelope.
 *
 * @param accessToken - the cached WeChat token
 * @param expiresAt - its expiry as it goes on the wire
 * @returns the result
 */
export function success(accessToken: string, expiresAt: string | number): EndpointResult {
  return {
    status: 200,
    envelope: { statusCode: 200, message: SUCCESS_MESSAGE, data: { accessToken, expiresAt } },
  }
}

/**
 * The upstream's throttling answer: HTTP 429, `{"statusCode":429,"message":"..."}`.
 *
 * @param retryAfter - the `Retry-After` header value, or `undefined` for none
 * @returns the result
 */
export function tooManyRequests(retryAfter: string | undefined): EndpointResult {
  return {
    status: 429,
    envelope: { statusCode: 429, message: 'ThrottlerException: Too Many Requests' },
    ...(retryAfter === undefined ? {} : { headers: { 'retry-after': retryAfter } }),
  }
}
