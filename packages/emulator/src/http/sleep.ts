import type { Sleep } from '../emulator-options.js'

/**
 * The default {@link Sleep}: a timer cleared when `signal` aborts.
 *
 * @param ms - how long to wait
 * @param signal - aborts the wait
 * @returns a promise settled after `ms`, or rejected with the abort reason
 */
export const realSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })

/**
 * Waits until `signal` aborts, then rejects with its reason: what a hung server looks like.
 *
 * @param signal - the signal that ends the wait
 * @returns a promise that only ever rejects
 */
export function waitForAbort(signal: AbortSignal): Promise<never> {
  return new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason)
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
}
