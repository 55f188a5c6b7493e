/** WeChat access tokens live at most 7200 s; a token of unknown expiry is remembered this long. */
export const MAX_WECHAT_TOKEN_LIFETIME_MS = 7_200_000

/** Enough for every token a cache can meet within a token's lifetime, with room to spare. */
const MAX_REMEMBERED = 64

interface Mark {
  /** The invalidation's sequence number: later invalidations have higher numbers. */
  readonly epoch: number
  /** Forgotten after this instant (epoch ms): the token has expired by then anyway. */
  readonly until: number
}

/**
 * The tokens `invalidate` was called with, so a stale store (or a refresh that went out before
 * the call) cannot bring one back. Bounded in time and size; holds tokens in memory only.
 * @internal
 */
export class InvalidatedTokens {
  readonly #marks = new Map<string, Mark>()
  #epoch = 0

  /** The number of the latest invalidation; a refresh notes it when it starts. */
  get epoch(): number {
    return this.#epoch
  }

  /**
   * Remembers a token until `until`.
   *
   * @param token - the token WeChat rejected
   * @param until - when it expires anyway (epoch ms)
   * @param now - the current time (epoch ms)
   */
  add(token: string, until: number, now: number): void {
    for (const [known, mark] of this.#marks) {
      if (mark.until <= now) this.#marks.delete(known)
    }
    if (this.#marks.size >= MAX_REMEMBERED) {
      const oldest = this.#marks.keys().next()
      if (oldest.done !== true) this.#marks.delete(oldest.value)
    }
    this.#epoch += 1
    this.#marks.set(token, { epoch: this.#epoch, until })
  }

  /**
   * @param token - a token
   * @param now - the current time (epoch ms)
   * @returns the epoch at which it was invalidated, or `undefined` when it was not (or has expired)
   */
  epochOf(token: string, now: number): number | undefined {
    const mark = this.#marks.get(token)
    if (mark === undefined) return undefined
    if (mark.until <= now) {
      this.#marks.delete(token)
      return undefined
    }
    return mark.epoch
  }

  /** @param token - a token upstream has just returned again, so it is valid after all */
  forget(token: string): void {
    this.#marks.delete(token)
  }
}
