import type { GetWechatAccessTokenDto, WechatAccessTokenEnvelope } from '@authing-edge/types'
import { MAX_TIMER, requireString } from '../client/resolve-options.js'
import { ConfigError } from '../errors/config-error.js'
import type { Logger } from '../logger.js'
import type { WechatAccessTokenCacheEvent } from './cache-events.js'
import { MemoryStore } from './memory-store.js'
import type { TokenStore } from './token-store.js'

/**
 * What the cache needs from a client: an `AuthenticationClient` fits, and so does a hand-made
 * object in tests.
 */
export interface WechatAccessTokenSource {
  /** The Authing application's appId (part of the cache key). */
  readonly appId: string
  /** The normalised app host (part of the cache key). */
  readonly appHost: string
  /** Where the cache logs its events too. */
  readonly logger?: Logger | undefined
  /** Fetches the token; the cache passes `throwOnApiError: true`. */
  getWechatMpAccessTokenInfo(
    dto: GetWechatAccessTokenDto,
    options?: { throwOnApiError?: boolean },
  ): Promise<WechatAccessTokenEnvelope>
}

/** Options of `WechatAccessTokenCache`. */
export interface WechatAccessTokenCacheOptions {
  /** The client that fetches tokens, usually an `AuthenticationClient`. */
  readonly client: WechatAccessTokenSource
  /** The WeChat Mini Program / Official Account AppId. */
  readonly appId: string
  /** The WeChat AppSecret. Kept in a private field, never logged, never in a key or event. */
  readonly appSecret: string
  /**
   * Where tokens are shared with other processes or isolates.
   * @default a new MemoryStore()
   */
  readonly store?: TokenStore
  /**
   * Within this many milliseconds of expiry, `get` serves the held token at once and refreshes
   * it in the background. Longer than upstream's own renewal window (about 5 minutes before
   * expiry), so that a renewed token is picked up before the old one dies.
   * @default 300_000 (5 minutes)
   */
  readonly refreshAheadMs?: number
  /**
   * At most one background (or forced) refresh starts per this many milliseconds, so a refresh
   * that returns the token already held, or fails, does not make `get` spin on upstream.
   * @default 30_000
   */
  readonly minRefreshIntervalMs?: number
  /**
   * A token is never served within this many milliseconds of its `expiresAt`: room for clock
   * skew and for the WeChat call that will use it.
   * @default 30_000
   */
  readonly skewMs?: number
  /**
   * How long a `get` waits on a refresh started by another call before it gives up with a
   * `CacheWaitTimeoutError` (or serves a token that has not expired, when it holds one).
   * It does not start a second request then: a waiter cannot tell a slow upstream from a stuck
   * one. A refresh older than this counts as abandoned, and the next call starts a new one; on
   * Workers a wait on a refresh whose request has ended fails at once and the waiter takes over.
   * `0` turns sharing off: every call fetches on its own. At most 2_147_483_647, the longest
   * timer runtimes keep.
   * @default 10_000
   */
  readonly maxWaitMs?: number
  /**
   * How long a permanent business error (bad secret, unknown app) is remembered and rethrown
   * without asking upstream. `0` turns negative caching off.
   * @default 30_000
   */
  readonly negativeTtlMs?: number
  /**
   * The clock, in epoch milliseconds.
   * @default Date.now
   */
  readonly now?: () => number
  /** Called with every cache event; see {@link WechatAccessTokenCacheEvent}. Never gets a secret. */
  readonly onEvent?: (event: WechatAccessTokenCacheEvent) => void
}

/** Options after validation, with defaults applied. @internal */
export interface ResolvedCacheOptions {
  readonly client: WechatAccessTokenSource
  readonly appId: string
  readonly appSecret: string
  readonly store: TokenStore
  readonly refreshAheadMs: number
  readonly minRefreshIntervalMs: number
  readonly skewMs: number
  readonly maxWaitMs: number
  readonly negativeTtlMs: number
  readonly now: () => number
  readonly onEvent: ((event: WechatAccessTokenCacheEvent) => void) | undefined
}

function duration(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigError(option, 'must be a finite, non-negative number of milliseconds')
  }
  return value
}

/** A duration that becomes a timer: runtimes fire a longer one at once, so it is refused. */
function timerDuration(option: string, value: unknown, fallback: number): number {
  const ms = duration(option, value, fallback)
  if (ms > MAX_TIMER) throw new ConfigError(option, `must be at most ${MAX_TIMER} milliseconds`)
  return ms
}

function checkOptionalFunction(option: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new ConfigError(option, 'must be a function')
  }
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false
  return names.every((name) => typeof Reflect.get(value, name) === 'function')
}

/**
 * Validates the cache options and applies defaults.
 * @internal
 *
 * @param options - the options as the caller passed them (possibly from JavaScript)
 * @returns the options with defaults applied
 * @throws ConfigError naming the first bad option, never quoting its value
 */
export function resolveCacheOptions(options: WechatAccessTokenCacheOptions): ResolvedCacheOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigError('options', 'pass { client, appId, appSecret }')
  }
  const { client } = options
  if (
    !hasMethods(client, ['getWechatMpAccessTokenInfo']) ||
    typeof client.appId !== 'string' ||
    typeof client.appHost !== 'string'
  ) {
    throw new ConfigError(
      'client',
      'pass an AuthenticationClient (an object with getWechatMpAccessTokenInfo, appId and appHost)',
    )
  }
  checkOptionalFunction('now', options.now)
  checkOptionalFunction('onEvent', options.onEvent)
  const now = options.now ?? Date.now
  // Only a missing store means the default: `null` is a mistake and is refused below.
  const store = options.store === undefined ? new MemoryStore({ now }) : options.store
  if (!hasMethods(store, ['get', 'set', 'delete'])) {
    throw new ConfigError('store', 'must have async get, set and delete methods (a TokenStore)')
  }
  return {
    client,
    appId: requireString(options.appId, 'appId', 'pass the WeChat AppId'),
    appSecret: requireString(options.appSecret, 'appSecret', 'pass the WeChat AppSecret'),
    store,
    refreshAheadMs: duration('refreshAheadMs', options.refreshAheadMs, 300_000),
    minRefreshIntervalMs: duration('minRefreshIntervalMs', options.minRefreshIntervalMs, 30_000),
    skewMs: duration('skewMs', options.skewMs, 30_000),
    maxWaitMs: timerDuration('maxWaitMs', options.maxWaitMs, 10_000),
    negativeTtlMs: duration('negativeTtlMs', options.negativeTtlMs, 30_000),
    now,
    onEvent: options.onEvent,
  }
}
