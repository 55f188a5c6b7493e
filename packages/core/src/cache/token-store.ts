import * as v from 'valibot'

/** The latest instant a JavaScript `Date` can hold, in epoch milliseconds. */
const MAX_EPOCH_MS = 8.64e15

/**
 * What a {@link TokenStore} holds: the token and when it expires (epoch ms). The cache
 * validates every value it reads back against this schema, since a shared store may hold
 * anything: an older format, a value written by another program, a truncated write.
 */
export const StoredTokenSchema = v.object({
  /** The WeChat access token. */
  accessToken: v.pipe(
    v.string('accessToken must be a string'),
    v.nonEmpty('accessToken must not be empty'),
  ),
  /** When it expires, in epoch milliseconds. */
  expiresAt: v.pipe(
    v.number('expiresAt must be a number'),
    v.integer('expiresAt must be an integer (epoch milliseconds)'),
    v.minValue(0, 'expiresAt must not be negative'),
    v.maxValue(MAX_EPOCH_MS, 'expiresAt is beyond the largest date'),
  ),
})

/** A token as stored: `{ accessToken, expiresAt }` with `expiresAt` in epoch milliseconds. */
export type StoredToken = v.InferOutput<typeof StoredTokenSchema>

/** Options of {@link TokenStore.set}. */
export interface TokenStoreSetOptions {
  /** When the value stops being useful, in epoch milliseconds; the store may drop it then. */
  readonly expiresAt: number
}

/**
 * Where tokens are shared between processes, isolates or restarts. Every method is async and
 * may fail: the cache fails open (it still returns the token it fetched) and reports a
 * `store-error` event. A store needs no locking or compare-and-set: the cache works with an
 * eventually consistent store and validates every value it reads.
 *
 * @example
 * ```ts
 * import type { StoredToken, TokenStore } from '@authing-edge/core'
 *
 * // A Redis-backed store (any client with get / set PX / del).
 * declare const redis: {
 *   get(key: string): Promise<string | null>
 *   set(key: string, value: string, mode: 'PX', ms: number): Promise<unknown>
 *   del(key: string): Promise<unknown>
 * }
 * const store: TokenStore = {
 *   async get(key) {
 *     const text = await redis.get(key)
 *     return text === null ? undefined : JSON.parse(text)
 *   },
 *   async set(key, value: StoredToken, { expiresAt }) {
 *     await redis.set(key, JSON.stringify(value), 'PX', Math.max(1, expiresAt - Date.now()))
 *   },
 *   async delete(key) {
 *     await redis.del(key)
 *   },
 * }
 * ```
 */
export interface TokenStore {
  /**
   * Reads a value.
   *
   * @param key - the cache key
   * @returns what was stored (validated by the cache), or `undefined` / `null` when absent
   */
  get(key: string): Promise<unknown>
  /**
   * Writes a value.
   *
   * @param key - the cache key
   * @param value - the token and its expiry
   * @param options - `expiresAt`: when the store may drop the value
   */
  set(key: string, value: StoredToken, options: TokenStoreSetOptions): Promise<void>
  /**
   * Deletes a value; deleting a missing key is not an error.
   *
   * @param key - the cache key
   */
  delete(key: string): Promise<void>
}
