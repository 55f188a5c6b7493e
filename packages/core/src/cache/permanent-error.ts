import { isAuthingApiError } from '../errors/authing-api-error.js'

/**
 * WeChat error codes that retrying cannot fix: invalid AppId (40013), invalid AppSecret
 * (40125), caller IP not whitelisted (40164), no permission (89503), quota or frequency limit
 * reached (45009, 45011), account restricted (50004). Authing passes them on as `apiCode`.
 */
const PERMANENT_WECHAT_CODES: ReadonlySet<number> = new Set([
  40013, 40125, 40164, 89503, 45009, 45011, 50004,
])

/**
 * Whether an error from the token endpoint is a business error that retrying cannot fix, so
 * the cache remembers it for `negativeTtlMs` instead of asking again: an `AuthingApiError`
 * whose `apiCode` is one of WeChat's configuration, permission or quota codes, or whose
 * business `statusCode` is a 4xx other than 429 (throttling is transient). 5xx business
 * codes, WeChat's `-1` ("busy"), HTTP, network, timeout and validation errors are transient.
 *
 * @param error - anything the client threw
 * @returns true when the error should be negatively cached
 *
 * @example
 * ```ts
 * import { AuthingApiError, isPermanentTokenError } from '@authing-edge/core'
 *
 * const badSecret = new AuthingApiError({
 *   statusCode: 400, apiCode: 40125, requestId: 'r1', httpStatus: 200, serverMessage: 'invalid appsecret',
 * })
 * isPermanentTokenError(badSecret) // true
 * ```
 */
export function isPermanentTokenError(error: unknown): boolean {
  if (!isAuthingApiError(error)) return false
  if (error.apiCode !== undefined) {
    if (PERMANENT_WECHAT_CODES.has(error.apiCode)) return true
    if (error.apiCode === -1) return false
  }
  return error.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429
}
