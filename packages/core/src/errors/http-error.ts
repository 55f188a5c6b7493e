import { AuthingError, type AuthingErrorOptions, guardFor } from './authing-error.js'

/** Fields of an HTTP-level failure. */
export interface HttpErrorDetails {
  /** The HTTP status, e.g. 502 or 302. */
  readonly status: number
  /** A request id from the body or the `x-request-id` header, when there is one. */
  readonly requestId: string | undefined
  /** At most the first 512 characters of the body, with secrets redacted. */
  readonly bodyExcerpt: string
}

/**
 * The server answered with an HTTP status that is neither 2xx nor a business-error envelope:
 * a 5xx from a gateway, an HTML page, a 404, or a redirect (never followed, since the body
 * carries the WeChat appSecret).
 */
export class HttpError extends AuthingError implements HttpErrorDetails {
  override name = 'HttpError' as const
  declare readonly status: number
  declare readonly requestId: string | undefined
  declare readonly bodyExcerpt: string

  /**
   * @param details - status, request id and a redacted body excerpt
   * @param options - `cause` and the request summary
   */
  constructor(details: HttpErrorDetails, options?: AuthingErrorOptions) {
    const { status } = details
    // Status 0 is what browsers report for a redirect under `redirect: 'manual'`.
    const redirect =
      status === 0
        ? ' (opaque redirect; redirects are not followed)'
        : status >= 300 && status < 400
          ? ' (redirects are not followed)'
          : ''
    super(`HTTP ${status}${redirect}`, options)
    this.status = status
    this.requestId = details.requestId
    this.bodyExcerpt = details.bodyExcerpt
  }
}

/** Whether `value` is an {@link HttpError} (any copy, any realm). */
export const isHttpError: (value: unknown) => value is HttpError = guardFor<HttpError>('HttpError')
