import type { StoredToken, TokenStore, TokenStoreSetOptions } from './token-store.js'

/** Options of {@link MemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * The clock, in epoch milliseconds.
   * @default Date.now
   */
  readonly now?: () => number
}

interface MemoryRecord {
  readonly value: StoredToken
  readonly expiresAt: number
}

/**
 * A {@link TokenStore} in a `Map`: the default store, private to one cache unless you pass the
 * same instance to several. Values are frozen copies and vanish at their `expiresAt`.
 *
 * @example
 * ```ts
 * import { MemoryStore, WechatAccessTokenCache } from '@authing-edge/core'
 *
 * declare const client: ConstructorParameters<typeof WechatAccessTokenCache>[0]['client']
 * const store = new MemoryStore()
 * const cache = new WechatAccessTokenCache({ client, appId: 'wx123', appSecret: 'secret', store })
 * ```
 */
export class MemoryStore implements TokenStore {
  readonly #records = new Map<string, MemoryRecord>()
  readonly #now: () => number

  /** @param options - an optional clock */
  constructor(options: MemoryStoreOptions = {}) {
    this.#now = options.now ?? Date.now
  }

  /**
   * @param key - the cache key
   * @returns the stored token, or `undefined` when absent or expired
   */
  async get(key: string): Promise<StoredToken | undefined> {
    const record = this.#records.get(key)
    if (record === undefined) return undefined
    if (this.#now() >= record.expiresAt) {
      this.#records.delete(key)
      return undefined
    }
    return record.value
  }

  /**
   * @param key - the cache key
   * @param value - the token and its expiry
   * @param options - `expiresAt`: when the value vanishes
   */
  async set(key: string, value: StoredToken, options: TokenStoreSetOptions): Promise<void> {
    const copy = Object.freeze({ accessToken: value.accessToken, expiresAt: value.expiresAt })
    this.#records.set(key, { value: copy, expiresAt: options.expiresAt })
  }

  /** @param key - the cache key */
  async delete(key: string): Promise<void> {
    this.#records.delete(key)
  }
}
