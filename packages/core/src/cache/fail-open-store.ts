import * as v from 'valibot'
import { summarizeError } from './cache-events.js'
import type { EventReporter } from './event-reporter.js'
import { type StoredToken, StoredTokenSchema, type TokenStore } from './token-store.js'

/**
 * Wraps a {@link TokenStore} so that it can never fail a `get`: every failure becomes a
 * `store-error` event and an empty answer, and every value read back is validated.
 * @internal
 */
export class FailOpenStore {
  readonly #store: TokenStore
  readonly #key: string
  readonly #events: EventReporter

  /**
   * @param store - the user's store
   * @param key - the cache key
   * @param events - where failures are reported
   */
  constructor(store: TokenStore, key: string, events: EventReporter) {
    this.#store = store
    this.#key = key
    this.#events = events
  }

  /** @returns the stored token, or `undefined` when absent, invalid or unreadable */
  async read(): Promise<StoredToken | undefined> {
    let raw: unknown
    try {
      raw = await this.#store.get(this.#key)
    } catch (error) {
      this.#fail('get', error)
      return undefined
    }
    if (raw === undefined || raw === null) return undefined
    const parsed = v.safeParse(StoredTokenSchema, raw)
    if (parsed.success) return parsed.output
    this.#events.report({
      type: 'store-error',
      key: this.#key,
      operation: 'validate',
      error: { name: 'InvalidStoredValue' },
    })
    return undefined
  }

  /**
   * @param token - the token to share
   * @returns settles when written or failed; never rejects
   */
  async write(token: StoredToken): Promise<void> {
    try {
      await this.#store.set(this.#key, token, { expiresAt: token.expiresAt })
    } catch (error) {
      this.#fail('set', error)
    }
  }

  /**
   * Deletes the stored value only if it still holds `accessToken`. Stores have no
   * compare-and-set, so this is read-then-delete: a value written between the two by another
   * process can be lost, which costs that process one extra fetch, never a wrong token.
   *
   * @param accessToken - the token to drop
   * @returns whether a matching value was deleted; never rejects
   */
  async deleteIfHolds(accessToken: string): Promise<boolean> {
    const stored = await this.read()
    if (stored?.accessToken !== accessToken) return false
    try {
      await this.#store.delete(this.#key)
      return true
    } catch (error) {
      this.#fail('delete', error)
      return false
    }
  }

  #fail(operation: 'get' | 'set' | 'delete', error: unknown): void {
    this.#events.report({
      type: 'store-error',
      key: this.#key,
      operation,
      error: summarizeError(error),
    })
  }
}
