import { AuthingError, type AuthingErrorOptions, guardFor } from './authing-error.js'

/** The request never got an HTTP answer: DNS failure, refused or reset connection, TLS error. */
export class NetworkError extends AuthingError {
  override name = 'NetworkError' as const

  /** @param options - the low-level error as `cause`, and the request summary */
  constructor(options: AuthingErrorOptions = {}) {
    const { cause } = options
    super(
      `Network error${cause instanceof Error && cause.message ? ` (${cause.message})` : ''}`,
      options,
    )
  }
}

/** Whether `value` is a {@link NetworkError} (any copy, any realm). */
export const isNetworkError: (value: unknown) => value is NetworkError =
  guardFor<NetworkError>('NetworkError')
