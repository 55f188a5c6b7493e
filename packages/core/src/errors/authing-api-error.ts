import { AuthingError, type AuthingErrorOptions, guardFor } from './authing-error.js'

/** Fields of a business error, taken from the response envelope. */
export interface AuthingApiErrorDetails {
  /** The business `statusCode` from the body (not 200). */
  readonly statusCode: number
  /** The fine-grained `apiCode`, when the server sent one. */
  readonly apiCode: number | undefined
  /** The `requestId`, when the server sent one; quote it to Authing support. */
  readonly requestId: string | undefined
  /** The HTTP status the envelope came with (usually 200, 429 when throttled). */
  readonly httpStatus: number
  /** The server's own `message`. */
  readonly serverMessage: string
}

/**
 * The server answered with a business error: a body whose `statusCode` is not 200. Thrown when
 * `throwOnApiError` is set, and by the token cache.
 */
export class AuthingApiError extends AuthingError implements AuthingApiErrorDetails {
  override name = 'AuthingApiError' as const
  declare readonly statusCode: number
  declare readonly apiCode: number | undefined
  declare readonly requestId: string | undefined
  declare readonly httpStatus: number
  declare readonly serverMessage: string

  /**
   * @param details - the envelope's fields, already redacted
   * @param options - `cause` and the request summary
   */
  constructor(details: AuthingApiErrorDetails, options?: AuthingErrorOptions) {
    const { statusCode, apiCode, requestId, httpStatus, serverMessage } = details
    const code = apiCode === undefined ? '' : `, apiCode ${apiCode}`
    const id = requestId === undefined ? '' : `, requestId ${requestId}`
    super(`Authing API error ${statusCode}${code}${id}: ${serverMessage}`, options)
    this.statusCode = statusCode
    this.apiCode = apiCode
    this.requestId = requestId
    this.httpStatus = httpStatus
    this.serverMessage = serverMessage
  }
}

/** Whether `value` is an {@link AuthingApiError} (any copy, any realm). */
export const isAuthingApiError: (value: unknown) => value is AuthingApiError =
  guardFor<AuthingApiError>('AuthingApiError')
