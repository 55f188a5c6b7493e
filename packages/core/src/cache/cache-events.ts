import { isAuthingApiError } from '../errors/authing-api-error.js'
import { isHttpError } from '../errors/http-error.js'

/**
 * An error as events describe it: its class name and the codes that identify it, never its
 * message (a message from a custom source or store could quote anything).
 */
export interface CacheErrorSummary {
  /** The error's `name`, e.g. `AuthingApiError`, `NetworkError`, `TypeError`. */
  readonly name: string
  /** Business `statusCode`, for an `AuthingApiError`. */
  readonly statusCode?: number
  /** Fine-grained `apiCode`, for an `AuthingApiError` that has one. */
  readonly apiCode?: number
  /** `requestId` to quote to Authing support, when there is one. */
  readonly requestId?: string
  /** HTTP status, for an `HttpError` or an `AuthingApiError`. */
  readonly httpStatus?: number
}

/** What made the cache go to the store or upstream. */
export type RefreshTrigger =
  /** No token could be served: empty, expired or invalidated. */
  | 'miss'
  /** The token is inside `refreshAheadMs` of expiry; it was served and refreshed in the background. */
  | 'ahead'
  /** `get({ forceRefresh: true })`. */
  | 'forced'
  /** The refresh this call waited on belonged to a request that ended; this call took over. */
  | 'takeover'

// Events are type literals, not interfaces, so that they fit a logger's `LogFields` record.
/** Fields every cache event carries. */
export type CacheEventBase = {
  /** The cache key (no secret in it). */
  readonly key: string
}

/** A token was served from memory (`get` did no I/O) or from the store. */
export type CacheHitEvent = CacheEventBase & {
  readonly type: 'hit'
  readonly source: 'memory' | 'store'
  /** `tokenFingerprint` of the token served. */
  readonly fingerprint: string
  /** Its expiry, epoch ms. */
  readonly expiresAt: number
}

/** `get` found no token it could serve from memory. */
export type CacheMissEvent = CacheEventBase & {
  readonly type: 'miss'
  readonly reason: 'empty' | 'expired' | 'invalidated' | 'forced'
}

/** A token was fetched from upstream. */
export type CacheRefreshEvent = CacheEventBase & {
  readonly type: 'refresh'
  readonly trigger: RefreshTrigger
  readonly fingerprint: string
  readonly expiresAt: number
  /** Whether the token differs from the one held before. */
  readonly changed: boolean
}

/** Fetching from upstream failed. */
export type CacheRefreshFailedEvent = CacheEventBase & {
  readonly type: 'refresh-failed'
  readonly trigger: RefreshTrigger
  readonly error: CacheErrorSummary
  /** No background refresh starts before this instant (epoch ms). */
  readonly retryNotBefore: number
}

/**
 * A token that has not expired was served although refreshing it failed (stale-if-error): to a
 * caller that waited for the refresh, or, after a failed background refresh, once for the
 * callers that keep getting the held token from memory (not once per hit).
 */
export type CacheStaleServedEvent = CacheEventBase & {
  readonly type: 'stale-served'
  readonly fingerprint: string
  readonly expiresAt: number
  /** The failure, when this call saw it; the last known failure otherwise. */
  readonly error: CacheErrorSummary
}

/** The store failed or held an invalid value; the cache went on without it (fail-open). */
export type CacheStoreErrorEvent = CacheEventBase & {
  readonly type: 'store-error'
  /** `validate`: the store answered, but with something that is not a stored token. */
  readonly operation: 'get' | 'set' | 'delete' | 'validate'
  readonly error: CacheErrorSummary
}

/** A remembered permanent business error was thrown without asking upstream. */
export type CacheNegativeHitEvent = CacheEventBase & {
  readonly type: 'negative-hit'
  /** Upstream is asked again from this instant (epoch ms). */
  readonly until: number
  readonly error: CacheErrorSummary
}

/** `invalidate(token)` was called. */
export type CacheInvalidateEvent = CacheEventBase & {
  readonly type: 'invalidate'
  readonly fingerprint: string
  /**
   * `dropped`: it was the token held, the next `get` fetches once. `not-current`: another token
   * is held (a late call), nothing changes. `already-invalidated`: a repeated call. `reaffirmed`:
   * upstream returned this very token again less than `minRefreshIntervalMs` ago, so dropping
   * it again would only loop.
   */
  readonly outcome: 'dropped' | 'not-current' | 'already-invalidated' | 'reaffirmed'
}

/** A call stopped waiting on a refresh started by another call after `maxWaitMs`. */
export type CacheWaitTimeoutEvent = CacheEventBase & {
  readonly type: 'wait-timeout'
  readonly maxWaitMs: number
}

/** Everything `WechatAccessTokenCache` reports through `onEvent` and the logger. */
export type WechatAccessTokenCacheEvent =
  | CacheHitEvent
  | CacheMissEvent
  | CacheRefreshEvent
  | CacheRefreshFailedEvent
  | CacheStaleServedEvent
  | CacheStoreErrorEvent
  | CacheNegativeHitEvent
  | CacheInvalidateEvent
  | CacheWaitTimeoutEvent

/**
 * Describes an error by name and codes only (never its message), as the cache's events do: safe
 * to log, or to put in a response that other services read.
 *
 * @param error - anything thrown
 * @returns the error's name, and its status codes and request id when it has them
 *
 * @example
 * ```ts
 * import { summarizeError, WechatAccessTokenCache } from '@authing-edge/core'
 *
 * declare const cache: WechatAccessTokenCache
 * try {
 *   await cache.get()
 * } catch (error) {
 *   console.error('token refresh failed', summarizeError(error))
 * }
 * ```
 */
export function summarizeError(error: unknown): CacheErrorSummary {
  if (isAuthingApiError(error)) {
    return {
      name: error.name,
      statusCode: error.statusCode,
      httpStatus: error.httpStatus,
      ...(error.apiCode === undefined ? {} : { apiCode: error.apiCode }),
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    }
  }
  if (isHttpError(error)) {
    return {
      name: error.name,
      httpStatus: error.status,
      ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    }
  }
  // Not `instanceof Error`: errors from another realm (a vm context, an iframe) fail that test.
  const name: unknown =
    typeof error === 'object' && error !== null ? Reflect.get(error, 'name') : undefined
  return { name: typeof name === 'string' ? name.slice(0, 64) : typeof error }
}
