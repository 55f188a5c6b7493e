/** A fixed-window limit: at most `limit` requests per `windowMs` per Authing app. */
export interface RateLimit {
  /** Requests allowed per window. */
  limit: number
  /** Window length in milliseconds (emulator clock). */
  windowMs: number
}

/** The verdict on one request. */
export type RateLimitDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number }

/** Counts requests per key in fixed windows on the emulator clock. */
export interface RateLimiter {
  /** Counts one request for `key` and says whether it is allowed. */
  take(key: string, nowMs: number): RateLimitDecision
  /** Forgets every window. */
  clear(): void
}

/**
 * Creates a fixed-window rate limiter.
 *
 * @param config - the current limit, read on every request; `undefined` means no limit
 * @returns a rate limiter
 */
export function createRateLimiter(config: () => RateLimit | undefined): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  return {
    take(key, nowMs) {
      const limit = config()
      if (!limit) return { allowed: true }
      let window = windows.get(key)
      if (!window || nowMs >= window.start + limit.windowMs || nowMs < window.start) {
        window = { start: nowMs, count: 0 }
        windows.set(key, window)
      }
      window.count++
      if (window.count <= limit.limit) return { allowed: true }
      const remainingMs = window.start + limit.windowMs - nowMs
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(remainingMs / 1000)) }
    },
    clear: () => windows.clear(),
  }
}
