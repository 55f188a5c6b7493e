import type { SeededRandom } from './seeded-random.js'

/** The emulated WeChat access token the server holds for one WeChat app. */
export interface CachedWechatToken {
  /** The WeChat appId it belongs to. */
  readonly wechatAppId: string
  /** The token value (fabricated by the emulator). */
  readonly accessToken: string
  /** Expiry in epoch seconds: `floor(issuedAt / 1000) + lifetime`. */
  readonly expiresAt: number
  /** When it was issued, emulator-clock epoch milliseconds. */
  readonly issuedAt: number
  /** 1 for the first token of this app, then 2, 3, ... */
  readonly generation: number
}

/** Token lifetime and renewal window, in seconds. */
export interface TokenPolicy {
  /** Lifetime of a token. */
  lifetimeSeconds: number
  /** A token this close to expiry is replaced by the next request. */
  renewBeforeSeconds: number
}

/** The server-side token cache, one token per WeChat app (WeChat `stable_token` style). */
export interface TokenStore {
  /** The current token for `wechatAppId`, issuing a new one when absent or near expiry. */
  obtain(wechatAppId: string, nowMs: number): CachedWechatToken
  /** The current token without issuing one. */
  peek(wechatAppId: string): CachedWechatToken | undefined
  /** Every current token. */
  list(): CachedWechatToken[]
  /** Drops one app's token (or all), so the next request gets a fresh one. */
  invalidate(wechatAppId?: string): number
  /** Forgets everything, generations included. */
  clear(): void
}

/**
 * Creates the server-side token cache.
 *
 * @param policy - lifetime and renewal window, read on every call so it can change at run time
 * @param random - where token characters come from
 * @returns a token store
 */
export function createTokenStore(policy: () => TokenPolicy, random: SeededRandom): TokenStore {
  const tokens = new Map<string, CachedWechatToken>()
  const generations = new Map<string, number>()

  return {
    obtain(wechatAppId, nowMs) {
      const { lifetimeSeconds, renewBeforeSeconds } = policy()
      const current = tokens.get(wechatAppId)
      if (current && nowMs < (current.expiresAt - renewBeforeSeconds) * 1000) return current
      const generation = (generations.get(wechatAppId) ?? 0) + 1
      generations.set(wechatAppId, generation)
      const token: CachedWechatToken = Object.freeze({
        wechatAppId,
        // WeChat tokens look like "<digits>_<base64ish>"; the generation keeps them unique.
        accessToken: `${generation}_EMU${random.string(96)}`,
        expiresAt: Math.floor(nowMs / 1000) + lifetimeSeconds,
        issuedAt: nowMs,
        generation,
      })
      tokens.set(wechatAppId, token)
      return token
    },
    peek: (wechatAppId) => tokens.get(wechatAppId),
    list: () => [...tokens.values()],
    invalidate(wechatAppId) {
      if (wechatAppId === undefined) {
        const count = tokens.size
        tokens.clear()
        return count
      }
      return tokens.delete(wechatAppId) ? 1 : 0
    },
    clear() {
      tokens.clear()
      generations.clear()
    },
  }
}
