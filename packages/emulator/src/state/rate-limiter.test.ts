import { describe, expect, test } from 'vitest'
import { createRateLimiter, type RateLimit } from './rate-limiter.js'

describe('createRateLimiter', () => {
  test('allows everything without a limit', () => {
    const limiter = createRateLimiter(() => undefined)
    for (let i = 0; i < 100; i++) expect(limiter.take('app', 0).allowed).toBe(true)
  })

  test('allows `limit` requests per window, then says when to retry', () => {
    const limiter = createRateLimiter(() => ({ limit: 2, windowMs: 10_000 }))
    expect(limiter.take('app', 1_000)).toEqual({ allowed: true })
    expect(limiter.take('app', 2_000)).toEqual({ allowed: true })
    expect(limiter.take('app', 3_500)).toEqual({ allowed: false, retryAfterSeconds: 8 })
    expect(limiter.take('app', 10_999)).toEqual({ allowed: false, retryAfterSeconds: 1 })
    expect(limiter.take('app', 11_000)).toEqual({ allowed: true })
  })

  test('counts each app separately', () => {
    const limiter = createRateLimiter(() => ({ limit: 1, windowMs: 1_000 }))
    expect(limiter.take('a', 0).allowed).toBe(true)
    expect(limiter.take('a', 0).allowed).toBe(false)
    expect(limiter.take('b', 0).allowed).toBe(true)
  })

  test('starts a new window when the clock goes back, and forgets on clear', () => {
    let config: RateLimit | undefined = { limit: 1, windowMs: 1_000 }
    const limiter = createRateLimiter(() => config)
    limiter.take('a', 5_000)
    expect(limiter.take('a', 4_000).allowed).toBe(true)
    expect(limiter.take('a', 4_000).allowed).toBe(false)
    limiter.clear()
    expect(limiter.take('a', 4_000).allowed).toBe(true)
    config = undefined
    expect(limiter.take('a', 4_000).allowed).toBe(true)
  })
})
