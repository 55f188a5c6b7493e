import type { CacheEntry } from './cache-entry.js'
import { InvalidatedTokens } from './invalidated-tokens.js'

/** A permanent business error, remembered until `until` (epoch ms). @internal */
export interface NegativeEntry {
  readonly error: unknown
  readonly until: number
}

/**
 * What one cache knows: the token held, the tokens invalidated, the remembered error and when
 * the next background refresh may start. Only settled values live here (strings, numbers,
 * frozen objects, an already resolved promise), so it is safe to share between Workers requests.
 * @internal
 */
export class CacheState {
  /** The token held in memory, if any. */
  entry: CacheEntry | undefined
  /** Why memory is empty: `invalidate` dropped the token (for the `miss` event). */
  droppedByInvalidate = false
  /** No background or forced refresh starts before this instant (epoch ms): no spin. */
  nextRefreshAt = 0
  /** A permanent business error being remembered. */
  negative: NegativeEntry | undefined
  /** Tokens WeChat rejected. */
  readonly invalidated: InvalidatedTokens = new InvalidatedTokens()
  #installedSeq = 0

  /**
   * Makes `entry` the token held, unless a flight that started later has already installed one
   * (an old, slow flight never overwrites a newer answer).
   *
   * @param entry - the new entry; its flight's callers get it, installed or not
   */
  install(entry: CacheEntry): void {
    if (entry.seq > this.#installedSeq) {
      this.#installedSeq = entry.seq
      this.entry = entry
      this.droppedByInvalidate = false
    }
  }

  /** Forgets the token held, after `invalidate`. */
  drop(): void {
    this.entry = undefined
    this.droppedByInvalidate = true
  }

  /**
   * @param now - the current time (epoch ms)
   * @returns the token held if it may still be served (not within `skewMs` of expiry)
   */
  servable(now: number): CacheEntry | undefined {
    const entry = this.entry
    return entry !== undefined && now < entry.serveUntil ? entry : undefined
  }

  /**
   * @param now - the current time (epoch ms)
   * @returns the remembered error, while it is remembered
   */
  activeNegative(now: number): NegativeEntry | undefined {
    const negative = this.negative
    return negative !== undefined && now < negative.until ? negative : undefined
  }
}
