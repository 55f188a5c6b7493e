import { vi } from 'vitest'
import { AuthenticationClient } from '../src/client/authentication-client.js'
import type { AuthenticationClientOptions } from '../src/client/options.js'
import { OK } from './client-harness.js'

/** One call of the stubbed global fetch. */
export interface FetchCall {
  /** What `this` was: `undefined` when called unbound. */
  readonly self: unknown
  readonly input: unknown
  readonly init: RequestInit | undefined
}

/** How the stubbed fetch answers one call; a throw becomes a rejection. */
export type FetchAnswer = (init: RequestInit | undefined) => Response | Promise<Response>

/**
 * Replaces the global fetch with one that records its calls and plays the given answers in
 * order, then answers {@link OK}. Undo it with `vi.unstubAllGlobals()`.
 *
 * @param answers - the answers of the first calls
 * @returns the calls, as they come
 */
export function stubGlobalFetch(answers: FetchAnswer[] = []): FetchCall[] {
  const calls: FetchCall[] = []
  vi.stubGlobal('fetch', function (this: unknown, input: unknown, init?: RequestInit) {
    calls.push({ self: this, input, init })
    const answer = answers.shift()
    return Promise.resolve().then(() => (answer ? answer(init) : Response.json(OK)))
  })
  return calls
}

/**
 * A fetch to inject (`options.fetch`) that gives the scripted answers in turn, then {@link OK};
 * a throw becomes a rejection. A `vi.fn`, so its calls can be counted.
 *
 * @param answers - the answers of the first calls
 * @returns the fetch
 */
export function scriptedFetch(answers: Array<() => Response>) {
  return vi.fn(async (_input: Request, _init?: RequestInit): Promise<Response> => {
    const next = answers.shift()
    return next ? next() : Response.json(OK)
  })
}

/** An answer that never comes: it rejects with the signal's reason once the signal aborts. */
export const hang: FetchAnswer = (init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))
  })

/**
 * A client of `example.authing.cn` for tests that stub the global fetch: nothing leaves the
 * process.
 *
 * @param options - overrides
 * @returns the client
 */
export function offlineClient(
  options: Partial<AuthenticationClientOptions> = {},
): AuthenticationClient {
  return new AuthenticationClient({ appId: 'aid', appHost: 'example.authing.cn', ...options })
}
