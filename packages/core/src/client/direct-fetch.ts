import type { Input } from 'ky'
import { createBufferedFetch } from './buffered-fetch.js'

/**
 * Creates the `fetch` that ky calls for the attempts after the first on the direct path, taken
 * when no `fetch` is injected and no user hook is set (the first is `sendFirstAttempt`'s). ky
 * drives them (per-attempt timeout, abort, retries, Retry-After, HTTP error statuses), but its
 * `Request` only lends its abort signal: each attempt is sent from here, with the JSON string as the body and the runtime's `fetch` read at call time
 * and called unbound. Handing fetch a string instead of a `Request` whose body is a stream spares
 * the runtime a stream copy per attempt.
 *
 * @param url - where the request goes
 * @param body - the JSON body, exactly as serialised
 * @param headers - every header of the request
 * @param maxBytes - the largest response body read
 * @returns a fetch for ky's `fetch` option
 */
export function createDirectFetch(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  maxBytes: number,
): (input: Input, init?: RequestInit) => Promise<Response> {
  return createBufferedFetch(
    // The signal of ky's Request carries the per-attempt timeout and the caller's abort.
    ({ signal }) => postDirect(url, body, headers, signal),
    maxBytes,
    false,
  )
}

/**
 * Sends one attempt of the direct path: the runtime's `fetch`, read at call time and called
 * unbound, gets the URL and the JSON string itself, and redirects are not followed.
 *
 * @param url - where the request goes
 * @param body - the JSON body, exactly as serialised
 * @param headers - every header of the request
 * @param signal - aborts the attempt: its timeout, or the caller's abort
 * @returns the response, its body unread
 */
export function postDirect(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  signal: AbortSignal,
): Promise<Response> {
  const fetch = globalThis.fetch
  return fetch(url, { method: 'POST', headers, body, signal, redirect: 'manual' })
}
