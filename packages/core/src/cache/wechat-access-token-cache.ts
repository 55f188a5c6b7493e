import { ConfigError } from '../errors/config-error.js'
import { type CacheEntry, staleServedEvent, type WechatAccessToken } from './cache-entry.js'
import { type CacheInvalidateEvent, type RefreshTrigger, summarizeError } from './cache-events.js'
import { wechatAccessTokenCacheKey } from './cache-key.js'
import { resolveCacheOptions, type WechatAccessTokenCacheOptions } from './cache-options.js'
import { CacheState } from './cache-state.js'
import { CacheWaitTimeoutError } from './cache-wait-timeout-error.js'
import { EventReporter } from './event-reporter.js'
import { FailOpenStore } from './fail-open-store.js'
import { tokenFingerprint } from './fingerprint.js'
import { deadline, Flight, raceAbortable, TIMED_OUT } from './flight.js'
import { MAX_WECHAT_TOKEN_LIFETIME_MS } from './invalidated-tokens.js'
import { TokenLoader } from './token-loader.js'

/** Keeps background work alive after a response, e.g. `(p) => ctx.waitUntil(p)` on Workers. */
export type WaitUntil = (promise: Promise<unknown>) => void

/** Options of {@link WechatAccessTokenCache.get}. */
export interface GetWechatAccessTokenOptions {
  /** Stops this call waiting (it rejects with the reason). A shared refresh goes on; a memory hit ignores it. */
  readonly signal?: AbortSignal
  /** Skip memory and store and ask upstream, at most once per `minRefreshIntervalMs`. @default false */
  readonly forceRefresh?: boolean
  /** Receives any background work this call starts (refresh, store write); never rejects. */
  readonly waitUntil?: WaitUntil
}

/** Options of {@link WechatAccessTokenCache.invalidate}. */
export interface InvalidateWechatAccessTokenOptions {
  /** Receives the store clean-up, so it survives the response on Workers. */
  readonly waitUntil?: WaitUntil
}

/**
 * A client-side cache of the WeChat access token that Authing hands out: one upstream request
 * however many callers, refreshed ahead of expiry in the background, served stale (but never
 * expired) when upstream fails, shared through an optional `TokenStore`, and safe on
 * Cloudflare Workers. A memory hit does no I/O and allocates nothing.
 *
 * @example
 * ```ts
 * import { AuthenticationClient, WechatAccessTokenCache } from '@authing-edge/core'
 *
 * const client = new AuthenticationClient({ appId: 'AUTHING_APP_ID', appHost: 'https://example.authing.cn' })
 * const cache = new WechatAccessTokenCache({ client, appId: 'wx0123456789', appSecret: 'WECHAT_SECRET' })
 *
 * const { accessToken } = await cache.get()
 * // When WeChat answers 40001 / 40014 / 42001 for this token:
 * await cache.invalidate(accessToken)
 * ```
 */
export class WechatAccessTokenCache {
  /** The key under which the token is cached and stored; it holds no secret. */
  readonly key: string
  readonly #state = new CacheState()
  readonly #loader: TokenLoader
  readonly #store: FailOpenStore
  readonly #events: EventReporter
  readonly #observesHits: boolean
  readonly #now: () => number
  readonly #minRefreshIntervalMs: number
  readonly #maxWaitMs: number
  #flight: Flight<CacheEntry> | undefined
  #seq = 0

  /**
   * @param options - client, WeChat `appId` and `appSecret`, and tuning; see {@link WechatAccessTokenCacheOptions}
   * @throws ConfigError naming the first invalid option
   */
  constructor(options: WechatAccessTokenCacheOptions) {
    const resolved = resolveCacheOptions(options)
    this.key = wechatAccessTokenCacheKey({
      appHost: resolved.client.appHost,
      authingAppId: resolved.client.appId,
      wechatAppId: resolved.appId,
    })
    this.#now = resolved.now
    this.#minRefreshIntervalMs = resolved.minRefreshIntervalMs
    this.#maxWaitMs = resolved.maxWaitMs
    this.#events = new EventReporter(resolved.onEvent, resolved.client.logger)
    this.#observesHits = this.#events.observesHits
    this.#store = new FailOpenStore(resolved.store, this.key, this.#events)
    this.#loader = new TokenLoader({
      key: this.key,
      client: resolved.client,
      appId: resolved.appId,
      appSecret: resolved.appSecret,
      store: this.#store,
      events: this.#events,
      state: this.#state,
      timing: { refreshAheadMs: resolved.refreshAheadMs, skewMs: resolved.skewMs },
      minRefreshIntervalMs: resolved.minRefreshIntervalMs,
      negativeTtlMs: resolved.negativeTtlMs,
      now: resolved.now,
    })
  }

  /**
   * Resolves a token that has not expired (allowing `skewMs`). From memory at once when it
   * can; inside `refreshAheadMs` of expiry also starts one background refresh; otherwise joins
   * or starts the single refresh (store first, then upstream).
   *
   * @param options - `signal`, `forceRefresh`, `waitUntil`
   * @returns the frozen token object shared by every caller
   * @throws AuthingApiError for a business error (remembered for `negativeTtlMs` when permanent);
   *   the client's HttpError / NetworkError / TimeoutError / ResponseValidationError when no
   *   unexpired token is held; CacheWaitTimeoutError after waiting `maxWaitMs` on another call
   */
  get(options?: GetWechatAccessTokenOptions): Promise<WechatAccessToken> {
    const entry = this.#state.entry
    if (entry !== undefined && options?.forceRefresh !== true) {
      const now = this.#now()
      // refreshAt is never later than serveUntil (see createEntry).
      if (now < entry.serveUntil) {
        if (now >= entry.refreshAt) this.#refreshAhead(now, options?.waitUntil)
        if (this.#observesHits) this.#events.report(entry.hitEvent)
        return entry.resolved
      }
    }
    return this.#getSlow(options)
  }

  /**
   * Compare-and-invalidate: drops `accessToken` if it is still the token held (in memory, and in
   * the store if the store still holds it), so the next `get` fetches once. A token already
   * replaced is left alone, and the token stays remembered so that a stale store cannot serve
   * it again. If upstream returned this very token again less than `minRefreshIntervalMs` ago,
   * the call is ignored: dropping it again would only loop.
   *
   * @param accessToken - the token WeChat rejected (40001, 40014, 42001)
   * @param options - `waitUntil` for the store clean-up
   * @returns whether the token was dropped from memory or the store; never rejects for store failures
   */
  invalidate(accessToken: string, options?: InvalidateWechatAccessTokenOptions): Promise<boolean> {
    if (typeof accessToken !== 'string' || accessToken.length === 0) {
      return Promise.reject(new ConfigError('accessToken', 'pass the token WeChat rejected'))
    }
    const now = this.#now()
    const state = this.#state
    const held = state.entry
    const isHeld = held !== undefined && held.token.accessToken === accessToken
    let outcome: CacheInvalidateEvent['outcome'] = isHeld ? 'dropped' : 'not-current'
    if (state.invalidated.epochOf(accessToken, now) !== undefined) outcome = 'already-invalidated'
    else if (isHeld && held.reaffirmedAt !== undefined) {
      if (now - held.reaffirmedAt < this.#minRefreshIntervalMs) outcome = 'reaffirmed'
    }
    const fingerprint = tokenFingerprint(accessToken)
    this.#events.report({ type: 'invalidate', key: this.key, fingerprint, outcome })
    if (outcome === 'already-invalidated' || outcome === 'reaffirmed') return Promise.resolve(false)
    const until = isHeld ? held.token.expiresAt : now + MAX_WECHAT_TOKEN_LIFETIME_MS
    state.invalidated.add(accessToken, until, now)
    if (isHeld) state.drop()
    const storeWork = this.#store.deleteIfHolds(accessToken)
    this.#handOff(storeWork, options?.waitUntil)
    return storeWork.then((deleted) => isHeld || deleted)
  }

  #refreshAhead(now: number, waitUntil: WaitUntil | undefined): void {
    const state = this.#state
    if (this.#current(now) !== undefined || now < state.nextRefreshAt) return
    if (state.activeNegative(now) !== undefined) return
    this.#handOff(this.#start('ahead', now).done, waitUntil)
  }

  async #getSlow(options: GetWechatAccessTokenOptions | undefined): Promise<WechatAccessToken> {
    options?.signal?.throwIfAborted()
    const forced = options?.forceRefresh === true
    const now = this.#now()
    const state = this.#state
    const held = state.servable(now)
    let flight = this.#current(now)
    if (forced && held !== undefined && flight === undefined && now < state.nextRefreshAt) {
      // A forced refresh right after another upstream answer would only spin.
      this.#events.report(held.hitEvent)
      return held.token
    }
    const reason = forced
      ? 'forced'
      : state.entry !== undefined
        ? 'expired'
        : state.droppedByInvalidate
          ? 'invalidated'
          : 'empty'
    this.#events.report({ type: 'miss', key: this.key, reason })
    if (flight !== undefined) return this.#wait(flight, false, options)
    flight = this.#start(forced ? 'forced' : 'miss', now)
    this.#handOff(flight.done, options?.waitUntil)
    return this.#wait(flight, true, options)
  }

  /**
   * Waits for a flight. A flight this call started is its own I/O and is awaited in full; one
   * started by another call is awaited at most `maxWaitMs` (one bound for the whole call).
   */
  async #wait(
    first: Flight<CacheEntry>,
    ownsFirst: boolean,
    options: GetWechatAccessTokenOptions | undefined,
  ): Promise<WechatAccessToken> {
    let flight = first
    let own = ownsFirst
    let bound: ReturnType<typeof deadline> | undefined
    try {
      for (;;) {
        const contenders: Promise<CacheEntry | typeof TIMED_OUT>[] = [flight.promise]
        if (!own) {
          bound ??= deadline(this.#maxWaitMs)
          contenders.push(bound.promise)
        }
        let outcome: CacheEntry | typeof TIMED_OUT
        try {
          outcome = await raceAbortable(contenders, options?.signal)
        } catch (error) {
          if (options?.signal?.aborted === true) throw error
          if (!flight.settled && !own) {
            // The runtime cut this await off: the flight belongs to a request that has ended
            // (workerd rejects an await on such a promise). Join a newer flight, or take over.
            if (this.#flight === flight) this.#flight = undefined
            const current = this.#current(this.#now())
            if (current !== undefined) flight = current
            else {
              flight = this.#start('takeover', this.#now())
              this.#handOff(flight.done, options?.waitUntil)
              own = true
            }
            continue
          }
          return this.#staleOr(error)
        }
        if (outcome !== TIMED_OUT) return outcome.token
        this.#events.report({ type: 'wait-timeout', key: this.key, maxWaitMs: this.#maxWaitMs })
        return this.#staleOr(new CacheWaitTimeoutError(this.#maxWaitMs))
      }
    } finally {
      bound?.cancel()
    }
  }

  /** Stale-if-error: serves the held token while it has not expired, else throws `error`. */
  #staleOr(error: unknown): WechatAccessToken {
    const held = this.#state.servable(this.#now())
    if (held === undefined) throw error
    this.#events.report(staleServedEvent(held, this.key, summarizeError(error)))
    return held.token
  }

  /** The flight in progress, unless it is older than `maxWaitMs` (then it counts as abandoned). */
  #current(now: number): Flight<CacheEntry> | undefined {
    const flight = this.#flight
    return flight !== undefined && now - flight.startedAt < this.#maxWaitMs ? flight : undefined
  }

  #start(trigger: RefreshTrigger, now: number): Flight<CacheEntry> {
    const flight = new Flight<CacheEntry>(
      ++this.#seq,
      now,
      trigger,
      this.#state.invalidated.epoch,
      (self) => this.#loader.load(self),
      (self) => {
        if (this.#flight === self) this.#flight = undefined
      },
    )
    this.#flight = flight
    return flight
  }

  #handOff(promise: Promise<unknown>, waitUntil: WaitUntil | undefined): void {
    if (waitUntil === undefined) return
    try {
      waitUntil(promise)
    } catch {
      this.#events.warn(
        'WeChat access token cache: waitUntil threw; on Workers pass (p) => ctx.waitUntil(p), not ctx.waitUntil',
      )
    }
  }
}
