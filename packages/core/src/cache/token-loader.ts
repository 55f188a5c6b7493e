import { ResponseValidationError } from '../errors/response-validation-error.js'
import { type CacheEntry, createEntry, type EntryTiming, staleServedEvent } from './cache-entry.js'
import { summarizeError } from './cache-events.js'
import type { WechatAccessTokenSource } from './cache-options.js'
import type { CacheState } from './cache-state.js'
import type { EventReporter } from './event-reporter.js'
import type { FailOpenStore } from './fail-open-store.js'
import { fetchToken } from './fetch-token.js'
import type { Flight } from './flight.js'
import { isPermanentTokenError } from './permanent-error.js'
import type { StoredToken } from './token-store.js'

/** Everything a loader needs. @internal */
export interface TokenLoaderContext {
  readonly key: string
  readonly client: WechatAccessTokenSource
  readonly appId: string
  readonly appSecret: string
  readonly store: FailOpenStore
  readonly events: EventReporter
  readonly state: CacheState
  readonly timing: EntryTiming
  readonly minRefreshIntervalMs: number
  readonly negativeTtlMs: number
  readonly now: () => number
}

/**
 * The work of one flight: the store first (unless forced), then upstream, then the
 * bookkeeping of success (install, share through the store) or failure (negative caching,
 * stale-if-error, no-spin back-off).
 * @internal
 */
export class TokenLoader {
  readonly #ctx: TokenLoaderContext

  /** @param ctx - shared state, store, events and options */
  constructor(ctx: TokenLoaderContext) {
    this.#ctx = ctx
  }

  /**
   * @param flight - the flight this load belongs to
   * @returns the entry for the flight's callers
   */
  async load(flight: Flight<CacheEntry>): Promise<CacheEntry> {
    const { state, events, key, timing } = this.#ctx
    // What the store holds, as an entry: served when fresh, else kept should upstream fail.
    let candidate: CacheEntry | undefined
    if (flight.trigger !== 'forced') {
      const stored = await this.#ctx.store.read()
      const now = this.#ctx.now()
      // A stale store may hand back a token WeChat already rejected: that one is dropped.
      if (
        stored !== undefined &&
        state.invalidated.epochOf(stored.accessToken, now) === undefined
      ) {
        candidate = createEntry(stored, key, timing, flight.seq, undefined)
      }
      if (candidate !== undefined && now < candidate.refreshAt) {
        // Fresh enough: another process (or an earlier life of this one) fetched it.
        state.install(candidate)
        const { fingerprint, token } = candidate
        events.report({
          type: 'hit',
          key,
          source: 'store',
          fingerprint,
          expiresAt: token.expiresAt,
        })
        return candidate
      }
    }
    const negative = state.activeNegative(this.#ctx.now())
    if (negative !== undefined) {
      const error = summarizeError(negative.error)
      events.report({ type: 'negative-hit', key, until: negative.until, error })
      this.#adoptStale(candidate)
      throw negative.error
    }
    try {
      const { client, appId, appSecret } = this.#ctx
      let token = await fetchToken(client, appId, appSecret)
      const epoch = state.invalidated.epochOf(token.accessToken, this.#ctx.now())
      if (epoch !== undefined && epoch > flight.startEpoch) {
        // This answer left upstream before invalidate(token) was called: ask once more.
        token = await fetchToken(client, appId, appSecret)
      }
      return this.#accept(flight, token)
    } catch (error) {
      throw this.#fail(flight, candidate, error)
    }
  }

  #accept(flight: Flight<CacheEntry>, token: StoredToken): CacheEntry {
    const { state, timing, key } = this.#ctx
    const now = this.#ctx.now()
    if (token.expiresAt - timing.skewMs <= now) {
      throw new ResponseValidationError([
        {
          path: 'data.expiresAt',
          message: 'the token has expired or expires within skewMs; check the clocks',
        },
      ])
    }
    state.nextRefreshAt = now + this.#ctx.minRefreshIntervalMs
    state.negative = undefined
    const previous = state.entry
    // Upstream returned a token that was invalidated before this request went out: upstream
    // stands by it, so serve it, and ignore a repeated invalidate for a while (no loop).
    const reaffirmed = state.invalidated.epochOf(token.accessToken, now) !== undefined
    if (reaffirmed) state.invalidated.forget(token.accessToken)
    const entry = createEntry(token, key, timing, flight.seq, reaffirmed ? now : undefined)
    state.install(entry)
    this.#ctx.events.report({
      type: 'refresh',
      key,
      trigger: flight.trigger,
      fingerprint: entry.fingerprint,
      expiresAt: entry.token.expiresAt,
      changed: previous?.token.accessToken !== entry.token.accessToken,
    })
    flight.storeWrite = this.#ctx.store.write(token)
    return entry
  }

  #fail(flight: Flight<CacheEntry>, candidate: CacheEntry | undefined, error: unknown): unknown {
    const { state, key } = this.#ctx
    const now = this.#ctx.now()
    state.nextRefreshAt = now + this.#ctx.minRefreshIntervalMs
    if (this.#ctx.negativeTtlMs > 0 && isPermanentTokenError(error)) {
      state.negative = { error, until: now + this.#ctx.negativeTtlMs }
    }
    const summary = summarizeError(error)
    this.#ctx.events.report({
      type: 'refresh-failed',
      key,
      trigger: flight.trigger,
      error: summary,
      retryNotBefore: state.nextRefreshAt,
    })
    this.#adoptStale(candidate)
    // The caller that started a background refresh has already been served the held token:
    // say so once per failed refresh (not once per hit, which would flood the logs).
    const held = state.servable(now)
    if (flight.trigger === 'ahead' && held !== undefined) {
      this.#ctx.events.report(staleServedEvent(held, key, summary))
    }
    return error
  }

  /** After a failure, keeps the stored token if it can still be served and beats what memory holds. */
  #adoptStale(candidate: CacheEntry | undefined): void {
    const { state } = this.#ctx
    if (candidate === undefined || this.#ctx.now() >= candidate.serveUntil) return
    if (state.entry !== undefined && state.entry.token.expiresAt >= candidate.token.expiresAt)
      return
    state.install(candidate)
  }
}
