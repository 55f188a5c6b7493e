import { AuthingError, guardFor } from '../errors/authing-error.js'

/**
 * A `get` waited `maxWaitMs` on a refresh that another call had started, held no token that
 * could still be served, and gave up. The refresh goes on; calling `get` again joins it, or
 * starts a new one once it is older than `maxWaitMs`.
 *
 * The cache fails rather than starting a second request because a waiter cannot tell a slow
 * upstream from a stuck one: if every waiter fetched on its own, a slow upstream would get one
 * request per waiter exactly when it can least take them.
 */
export class CacheWaitTimeoutError extends AuthingError {
  override name = 'CacheWaitTimeoutError' as const
  /** The bound that ran out, in milliseconds. */
  readonly maxWaitMs: number

  /** @param maxWaitMs - the `maxWaitMs` option */
  constructor(maxWaitMs: number) {
    super(
      `Gave up after waiting ${maxWaitMs} ms (maxWaitMs) for a WeChat access-token refresh started by another call`,
    )
    this.maxWaitMs = maxWaitMs
  }
}

/** Whether `value` is a {@link CacheWaitTimeoutError} (any copy, any realm). */
export const isCacheWaitTimeoutError: (value: unknown) => value is CacheWaitTimeoutError =
  guardFor<CacheWaitTimeoutError>('CacheWaitTimeoutError')
