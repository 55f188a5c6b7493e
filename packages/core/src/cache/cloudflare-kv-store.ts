import type { StoredToken, TokenStore, TokenStoreSetOptions } from './token-store.js'

/** Workers KV refuses an `expirationTtl` below 60 seconds (and an `expiration` closer than that). */
export const KV_MIN_EXPIRATION_TTL_SECONDS = 60

/**
 * The part of a Workers `KVNamespace` binding that {@link CloudflareKVStore} uses. Typed
 * structurally, so this package needs no `@cloudflare/workers-types`; a real binding fits.
 */
export interface KVNamespaceLike {
  /** Reads a value as text; `null` when absent. */
  get(key: string, options: { type: 'text'; cacheTtl?: number }): Promise<string | null>
  /** Writes a value; `expirationTtl` is in seconds and at least 60. */
  put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void>
  /** Deletes a value. */
  delete(key: string): Promise<void>
}

/** Options of {@link CloudflareKVStore}. */
export interface CloudflareKVStoreOptions {
  /**
   * How long, in seconds, a Cloudflare location may serve a read from its edge cache (KV's own
   * `cacheTtl`, at least 30). Longer means fewer KV reads and staler values; the token cache
   * tolerates stale values either way.
   * @default undefined (KV's default, 60 s)
   */
  readonly cacheTtl?: number
  /**
   * The clock, in epoch milliseconds, used to turn `expiresAt` into an `expirationTtl`.
   * @default Date.now
   */
  readonly now?: () => number
}

/**
 * A {@link TokenStore} on Workers KV, for sharing one token between isolates and locations.
 *
 * KV is eventually consistent (a write can take about 60 s to reach other locations) and has
 * no compare-and-set: it can cache, it cannot lock. That is all the token cache needs: it
 * validates what it reads, ignores expired and invalidated tokens, and never relies on a
 * write being visible elsewhere. Values are JSON text; the TTL follows the token's expiry and
 * is raised to KV's 60-second minimum when the token has less left (the cache checks
 * `expiresAt` itself, so such a value is never served after it expires). A token that has
 * already expired is not written at all.
 *
 * @example
 * ```ts
 * import { AuthenticationClient, CloudflareKVStore, WechatAccessTokenCache } from '@authing-edge/core'
 *
 * interface Env { TOKENS: KVNamespace; WX_APP_ID: string; WX_APP_SECRET: string }
 * declare const client: AuthenticationClient
 * // One cache per isolate, created on the first request (bindings arrive with it).
 * let cache: WechatAccessTokenCache | undefined
 * export default {
 *   async fetch(request: Request, env: Env, ctx: ExecutionContext) {
 *     cache ??= new WechatAccessTokenCache({
 *       client, appId: env.WX_APP_ID, appSecret: env.WX_APP_SECRET,
 *       store: new CloudflareKVStore(env.TOKENS),
 *     })
 *     const { expiresAt } = await cache.get({ waitUntil: (p) => ctx.waitUntil(p) })
 *     return Response.json({ expiresAt })
 *   },
 * }
 * ```
 */
export class CloudflareKVStore implements TokenStore {
  readonly #namespace: KVNamespaceLike
  readonly #cacheTtl: number | undefined
  readonly #now: () => number

  /**
   * @param namespace - a KV namespace binding, e.g. `env.TOKENS`
   * @param options - `cacheTtl` and a clock
   */
  constructor(namespace: KVNamespaceLike, options: CloudflareKVStoreOptions = {}) {
    this.#namespace = namespace
    this.#cacheTtl = options.cacheTtl
    this.#now = options.now ?? Date.now
  }

  /**
   * @param key - the cache key
   * @returns the parsed JSON value (validated by the cache), or `undefined` when absent
   * @throws SyntaxError when the stored text is not JSON; the cache reports it as a store error
   */
  async get(key: string): Promise<unknown> {
    const options: { type: 'text'; cacheTtl?: number } =
      this.#cacheTtl === undefined ? { type: 'text' } : { type: 'text', cacheTtl: this.#cacheTtl }
    const text = await this.#namespace.get(key, options)
    return text === null ? undefined : JSON.parse(text)
  }

  /**
   * @param key - the cache key
   * @param value - the token and its expiry
   * @param options - `expiresAt`: becomes `expirationTtl`, at least 60 s
   */
  async set(key: string, value: StoredToken, options: TokenStoreSetOptions): Promise<void> {
    const remainingMs = options.expiresAt - this.#now()
    if (remainingMs <= 0) return
    const expirationTtl = Math.max(KV_MIN_EXPIRATION_TTL_SECONDS, Math.ceil(remainingMs / 1000))
    const text = JSON.stringify({ accessToken: value.accessToken, expiresAt: value.expiresAt })
    await this.#namespace.put(key, text, { expirationTtl })
  }

  /** @param key - the cache key */
  async delete(key: string): Promise<void> {
    await this.#namespace.delete(key)
  }
}
