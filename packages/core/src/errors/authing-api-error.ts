import {
  AuthingError,
  type AuthingErrorOptions,
  describeRequest,
  guardFor,
} from './authing-error.js'

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
  readonly statusCode: number
  readonly apiCode: number | undefined
  readonly requestId: string | undefined
  readonly httpStatus: number
  readonly serverMessage: string

  /**
   * @param details - the envelope's fields, already redacted
   * @param options - `cause` and the request summary
   */
  constructor(details: AuthingApiErrorDetails, options: AuthingErrorOptions = {}) {
    const code = details.apiCode === undefined ? '' : `, apiCode ${details.apiCode}`
    const id = details.requestId === undefined ? '' : `, requestId ${details.requestId}`
    super(
      `Authing API error ${details.statusCode}${code}${id}: ${details.serverMessage}${describeRequest(options.request)}`,
      options,
    )
    this.statusCode = details.statusCode
    this.apiCode = details.apiCode
    this.requestId = details.requestId
    this.httpStatus = details.httpStatus
    this.serverMessage = details.serverMessage
  }
}

/** Whether `value` is an {@link AuthingApiError} (any copy, any realm). */
export const isAuthingApiError: (value: unknown) => value is AuthingApiError =
  guardFor<AuthingApiError>('AuthingApiError')
