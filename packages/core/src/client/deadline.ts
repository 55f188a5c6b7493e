/** A signal that aborts at a deadline or with the caller's signal, whichever comes first. */
export interface Deadline {
  readonly signal: AbortSignal
  /** Stops the timer and lets go of the caller's signal; call it once the work is done. */
  clear(): void
}

/**
 * Starts a deadline: its signal aborts with `reason()` after `timeout` milliseconds, or with the
 * caller's reason as soon as the caller aborts (at once if it already has).
 *
 * @param timeout - milliseconds until the deadline
 * @param caller - the caller's signal, if any
 * @param reason - what the signal aborts with at the deadline; built only then
 * @returns the signal, and `clear` for when the work ends first
 */
export function startDeadline(
  timeout: number,
  caller: AbortSignal | undefined,
  reason: () => unknown,
): Deadline {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(reason()), timeout)
  const forward = () => controller.abort(caller?.reason)
  if (caller?.aborted) forward()
  caller?.addEventListener('abort', forward)
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer)
      caller?.removeEventListener('abort', forward)
    },
  }
}
