import type { CacheErrorSummary, CacheHitEvent, CacheStaleServedEvent } from './cache-events.js'
import { tokenFingerprint } from './fingerprint.js'
import type { StoredToken } from './token-store.js'

/** A token handed out by the cache: frozen and shared by every caller until it is replaced. */
export interface WechatAccessToken {
  /** The WeChat access token. */
  readonly accessToken: string
  /** When it expires, in epoch milliseconds. */
  readonly expiresAt: number
}

/**
 * The token in memory, with everything a hit needs computed once, so that a hit allocates
 * nothing: the frozen result, a promise already resolved with it, the instants to compare the
 * clock with, and the event to report.
 * @internal
 */
export interface CacheEntry {
  readonly token: WechatAccessToken
  /** Resolved with `token`. A settled promise is safe to share between Workers requests. */
  readonly resolved: Promise<WechatAccessToken>
  /** From this instant (epoch ms) `get` refreshes in the background. */
  readonly refreshAt: number
  /** From this instant (epoch ms) the token is never served. */
  readonly serveUntil: number
  readonly fingerprint: string
  /** When upstream returned this token again after it had been invalidated. */
  readonly reaffirmedAt: number | undefined
  /** The flight that produced it. */
  readonly seq: number
  /** Reported on each memory hit, built once. */
  readonly hitEvent: CacheHitEvent
}

/** Timing options an entry is computed from. @internal */
export interface EntryTiming {
  readonly refreshAheadMs: number
  readonly skewMs: number
}

/**
 * Builds the entry for a token: frozen result, resolved promise, thresholds and hit event.
 * @internal
 *
 * @param stored - the token and its expiry (epoch ms)
 * @param key - the cache key, for the event
 * @param timing - `refreshAheadMs` and `skewMs`
 * @param seq - the flight that produced it
 * @param reaffirmedAt - when upstream returned it again after an invalidation, if it did
 * @returns a new entry, not yet installed
 */
export function createEntry(
  stored: StoredToken,
  key: string,
  timing: EntryTiming,
  seq: number,
  reaffirmedAt: number | undefined,
): CacheEntry {
  const token: WechatAccessToken = Object.freeze({
    accessToken: stored.accessToken,
    expiresAt: stored.expiresAt,
  })
  const fingerprint = tokenFingerprint(token.accessToken)
  const serveUntil = token.expiresAt - timing.skewMs
  return {
    token,
    resolved: Promise.resolve(token),
    refreshAt: Math.min(serveUntil, token.expiresAt - timing.refreshAheadMs),
    serveUntil,
    fingerprint,
    reaffirmedAt,
    seq,
    hitEvent: Object.freeze({
      type: 'hit',
      key,
      source: 'memory',
      fingerprint,
      expiresAt: token.expiresAt,
    }),
  }
}

/**
 * Builds the `stale-served` event for an entry.
 * @internal
 *
 * @param entry - the entry served
 * @param key - the cache key
 * @param error - the failure that made it stale
 * @returns a frozen event
 */
export function staleServedEvent(
  entry: CacheEntry,
  key: string,
  error: CacheErrorSummary,
): CacheStaleServedEvent {
  return Object.freeze({
    type: 'stale-served',
    key,
    fingerprint: entry.fingerprint,
    expiresAt: entry.token.expiresAt,
    error,
  })
}
