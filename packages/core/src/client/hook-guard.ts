import ky, { type BeforeErrorHook, type BeforeRetryHook, type Hooks, HTTPError } from 'ky'

/** What user hooks threw: the hooks' own errors, final whatever their class. */
const hookErrors = new WeakSet<object>()

/** Runs a hook, recording what it throws for {@link isHookError}. */
function guard<A extends unknown[], R>(
  hook: (...args: A) => R,
): (...args: A) => Promise<Awaited<R>> {
  return async (...args): Promise<Awaited<R>> => {
    try {
      const result: Awaited<R> = await hook(...args)
      return result
    } catch (error) {
      if (typeof error === 'object' && error !== null) hookErrors.add(error)
      throw error
    }
  }
}

/**
 * ky 1 resolves the call with no response at all when a `beforeRetry` hook returns `ky.stop`: the
 * call ends instead with the error that asked for the retry, typed like any other.
 */
function stopWithError(hook: BeforeRetryHook): BeforeRetryHook {
  const guarded = guard(hook)
  return async (state) => {
    const result = await guarded(state)
    if (result === ky.stop) throw state.error
    return result
  }
}

/**
 * ky 1 runs `beforeError` hooks after every failed attempt and throws what the last one returns:
 * a hook that only logs (and returns nothing) would turn the `HTTPError` into `undefined`, and
 * with it the retries and the typed error. What is not an `HTTPError` keeps the one it was given.
 */
function keepHttpError(hook: BeforeErrorHook): BeforeErrorHook {
  const guarded = guard(hook)
  return async (error, state) => {
    const result: unknown = await guarded(error, state)
    return result instanceof HTTPError ? result : error
  }
}

/**
 * Wraps a client's user hooks so that what they throw is told apart from ky's own errors (a hook
 * may use ky, or a fetch of its own, and throw the same classes), and so that `ky.stop` and a
 * `beforeError` hook that returns nothing cannot leave a call without an answer or a typed error.
 *
 * @param hooks - the user's hooks, as validated
 * @returns the hooks ky runs
 */
export function guardHooks(hooks: Hooks): Hooks {
  const { beforeRequest, afterResponse, beforeRetry, beforeError } = hooks
  return {
    ...(beforeRequest && { beforeRequest: beforeRequest.map((hook) => guard(hook)) }),
    ...(afterResponse && { afterResponse: afterResponse.map((hook) => guard(hook)) }),
    ...(beforeRetry && { beforeRetry: beforeRetry.map(stopWithError) }),
    ...(beforeError && { beforeError: beforeError.map(keepHttpError) }),
  }
}

/**
 * Whether a user hook threw `error`.
 *
 * @param error - what a call rejected with
 * @returns whether it is a hook's own error
 */
export function isHookError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && hookErrors.has(error)
}
