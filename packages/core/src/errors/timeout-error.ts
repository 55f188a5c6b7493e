import { AuthingError, type AuthingErrorOptions, guardFor } from './authing-error.js'

/** One attempt took longer than `timeout` milliseconds. A caller's own abort is never this. */
export class TimeoutError extends AuthingError {
  override name = 'TimeoutError' as const
  /** The per-attempt timeout that ran out, in milliseconds. */
  declare readonly timeout: number

  /**
   * @param timeout - the per-attempt timeout in milliseconds
   * @param options - `cause` and the request summary
   */
  constructor(timeout: number, options?: AuthingErrorOptions) {
    super(`Request timed out after ${timeout} ms`, options)
    this.timeout = timeout
  }
}

/** Whether `value` is a {@link TimeoutError} (any copy, any realm). */
export const isTimeoutError: (value: unknown) => value is TimeoutError =
  guardFor<TimeoutError>('TimeoutError')
