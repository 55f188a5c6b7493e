import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { AuthenticationClient } from '../client/authentication-client.js'
import { isAuthingApiError } from '../errors/authing-api-error.js'
import { isHttpError } from '../errors/http-error.js'
import type { WechatAccessTokenCacheEvent } from './cache-events.js'
import type { WechatAccessTokenCacheOptions } from './cache-options.js'
import { createTestClock, type TestClock } from './test-helpers/test-clock.js'
import { startWechatUpstream, type WechatUpstream } from './test-helpers/wechat-upstream-server.js'
import { WechatAccessTokenCache } from './wechat-access-token-cache.js'

// Driven through the real AuthenticationClient against a real local server; time is the
// injected clock, concurrency is steered by the server's gate, never by sleeping.

const SECRET = 'wx-secret-Zq7-distinctive-4f1c'
const T0 = 1_700_000_000_000
const HOUR2 = 7_200_000
const TOKEN_A = `A-${'a'.repeat(120)}`
const TOKEN_B = `B-${'b'.repeat(120)}`
const REFRESH_AHEAD = 300_000
const SKEW = 30_000
const MIN_INTERVAL = 30_000

let upstream: WechatUpstream
let clock: TestClock

beforeEach(async () => {
  clock = createTestClock(T0)
  upstream = await startWechatUpstream({
    appSecret: SECRET,
    token: { accessToken: TOKEN_A, expiresAt: T0 + HOUR2 },
  })
})

afterEach(async () => {
  await upstream.close()
})

function setup(overrides: Partial<WechatAccessTokenCacheOptions> = {}) {
  const events: WechatAccessTokenCacheEvent[] = []
  const client = new AuthenticationClient({ appId: 'authing-app', appHost: upstream.url, retry: 0 })
  const cache = new WechatAccessTokenCache({
    client,
    appId: 'wx-app',
    appSecret: SECRET,
    now: clock.now,
    onEvent: (event) => events.push(event),
    ...overrides,
  })
  return { cache, events, types: () => events.map((e) => e.type) }
}

describe('WechatAccessTokenCache through the real client', () => {
  test('1000 concurrent cold get() calls make exactly one upstream request and share one token', async () => {
    const { cache } = setup()
    const release = upstream.hold()
    const calls = Array.from({ length: 1000 }, () => cache.get())
    await upstream.waitForRequests(1)
    release()
    const results = await Promise.all(calls)
    expect(upstream.requests).toHaveLength(1)
    expect(new Set(results).size).toBe(1)
    expect(results[0]).toEqual({ accessToken: TOKEN_A, expiresAt: T0 + HOUR2 })
    expect(JSON.parse(upstream.requests[0]?.body.toString('utf8') ?? '')).toEqual({
      appId: 'wx-app',
      appSecret: SECRET,
    })
  })

  test('a memory hit makes no request and returns the very same frozen object', async () => {
    const { cache } = setup()
    const first = await cache.get()
    clock.advance(HOUR2 - REFRESH_AHEAD - 1)
    const second = await cache.get()
    expect(second).toBe(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(upstream.requests).toHaveLength(1)
  })

  test('refresh-ahead answers at once from cache and makes exactly one background request', async () => {
    const { cache, events } = setup()
    const held = await cache.get()
    clock.set(T0 + HOUR2 - 240_000) // 4 minutes left, inside the 5-minute window
    upstream.issue(TOKEN_B, T0 + 2 * HOUR2)
    const release = upstream.hold()
    const background: Promise<unknown>[] = []
    const waitUntil = (p: Promise<unknown>) => background.push(p)
    // The upstream is held, so these can only resolve from memory.
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.get({ waitUntil })))
    expect(answers.every((answer) => answer === held)).toBe(true)
    await upstream.waitForRequests(2)
    expect(background).toHaveLength(1)
    release()
    await background[0]
    expect(upstream.requests).toHaveLength(2)
    expect(await cache.get()).toEqual({ accessToken: TOKEN_B, expiresAt: T0 + 2 * HOUR2 })
    const refresh = events.find((e) => e.type === 'refresh' && e.trigger === 'ahead')
    expect(refresh).toMatchObject({ changed: true, expiresAt: T0 + 2 * HOUR2 })
  })

  test('a refresh that returns the token already held does not spin before minRefreshIntervalMs', async () => {
    const { cache, events } = setup({ minRefreshIntervalMs: MIN_INTERVAL })
    await cache.get()
    clock.set(T0 + HOUR2 - 240_000) // upstream has not renewed: it keeps answering TOKEN_A
    const background: Promise<unknown>[] = []
    const waitUntil = (p: Promise<unknown>) => background.push(p)
    await cache.get({ waitUntil })
    await Promise.all(background)
    expect(upstream.requests).toHaveLength(2)
    expect(events.filter((e) => e.type === 'refresh').at(-1)).toMatchObject({ changed: false })
    for (let i = 0; i < 20; i++) await cache.get({ waitUntil })
    clock.advance(MIN_INTERVAL - 1)
    await cache.get({ waitUntil })
    expect(upstream.requests).toHaveLength(2)
    expect(background).toHaveLength(1)
    clock.advance(1)
    await cache.get({ waitUntil })
    await Promise.all(background)
    expect(upstream.requests).toHaveLength(3)
  })

  test('stale-if-error: serves the held token while it has not expired, then throws the error', async () => {
    const { cache, events } = setup({ minRefreshIntervalMs: MIN_INTERVAL, skewMs: SKEW })
    const held = await cache.get()
    upstream.fail({ type: 'http', status: 502, body: '<html>bad gateway</html>' })
    clock.set(T0 + HOUR2 - 240_000)
    const background: Promise<unknown>[] = []
    expect(await cache.get({ waitUntil: (p) => background.push(p) })).toBe(held)
    await Promise.all(background)
    expect(events.find((e) => e.type === 'refresh-failed')).toMatchObject({
      trigger: 'ahead',
      error: { name: 'HttpError', httpStatus: 502 },
    })
    // The failed background refresh is reported as stale-served once, not once per later hit.
    expect(events.at(-1)).toMatchObject({ type: 'stale-served', error: { name: 'HttpError' } })
    for (let i = 0; i < 10; i++) expect(await cache.get()).toBe(held)
    expect(events.filter((e) => e.type === 'stale-served')).toHaveLength(1)
    expect(upstream.requests).toHaveLength(2) // no retry before minRefreshIntervalMs
    // A caller that waits for a refresh also gets the held token, with an event.
    clock.advance(MIN_INTERVAL)
    const before = upstream.requests.length
    expect(await cache.get({ forceRefresh: true })).toBe(held)
    expect(upstream.requests.length).toBe(before + 1)
    expect(events.at(-1)).toMatchObject({ type: 'stale-served', error: { name: 'HttpError' } })
    // The last servable millisecond, then the token is gone and the error is thrown.
    clock.set(T0 + HOUR2 - SKEW - 1)
    expect(await cache.get()).toBe(held)
    clock.set(T0 + HOUR2 - SKEW)
    const error = await cache.get().catch((e: unknown) => e)
    expect(isHttpError(error)).toBe(true)
    clock.set(T0 + HOUR2 + 1)
    await expect(cache.get()).rejects.toSatisfy(isHttpError)
  })

  test('an upstream token that has already expired is never returned', async () => {
    upstream.issue(TOKEN_B, T0 + SKEW) // expires within skewMs of "now"
    const { cache } = setup({ skewMs: SKEW })
    await expect(cache.get()).rejects.toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: 'data.expiresAt' }],
    })
    await expect(cache.get()).rejects.toMatchObject({ name: 'ResponseValidationError' })
    expect(upstream.requests).toHaveLength(2) // not remembered: a later answer may be good
  })

  test('100 concurrent invalidate(old) calls racing a refresh cause exactly one refetch', async () => {
    const { cache, events } = setup()
    const old = await cache.get()
    clock.set(T0 + HOUR2 - 240_000)
    const release = upstream.hold()
    await cache.get() // starts the background refresh; upstream still answers TOKEN_A
    await upstream.waitForRequests(2)
    upstream.issue(TOKEN_B, T0 + 2 * HOUR2) // WeChat rotated the token; upstream now has B
    const racers = Array.from({ length: 100 }, async () => {
      await cache.invalidate(old.accessToken)
      return cache.get()
    })
    const dropped = await Promise.all(
      Array.from({ length: 100 }, () => cache.invalidate(old.accessToken)),
    )
    release()
    const results = await Promise.all(racers)
    expect(results.every((r) => r.accessToken === TOKEN_B)).toBe(true)
    // The refresh in flight answered A, which was invalidated after it left: one refetch.
    expect(upstream.requests).toHaveLength(3)
    expect(dropped.filter(Boolean)).toHaveLength(0) // the racers' first call already dropped it
    expect(events.filter((e) => e.type === 'invalidate' && e.outcome === 'dropped')).toHaveLength(1)
    // A late invalidate of the replaced token is a no-op.
    expect(await cache.invalidate(old.accessToken)).toBe(false)
    expect((await cache.get()).accessToken).toBe(TOKEN_B)
    expect(upstream.requests).toHaveLength(3)
  })

  test('invalidate(current) with no refresh in flight: 100 callers, one refetch', async () => {
    const { cache } = setup()
    const old = await cache.get()
    upstream.issue(TOKEN_B, T0 + 2 * HOUR2)
    const results = await Promise.all(
      Array.from({ length: 100 }, async () => {
        const dropped = await cache.invalidate(old.accessToken)
        return { dropped, token: await cache.get() }
      }),
    )
    expect(upstream.requests).toHaveLength(2)
    expect(results.filter((r) => r.dropped)).toHaveLength(1)
    expect(new Set(results.map((r) => r.token)).size).toBe(1)
    expect(results[0]?.token.accessToken).toBe(TOKEN_B)
  })

  test('a bad secret is remembered: one request, then the same AuthingApiError without asking', async () => {
    const { cache, events } = setup({ appSecret: 'not-the-secret', negativeTtlMs: 60_000 })
    const first = await cache.get().catch((e: unknown) => e)
    expect(isAuthingApiError(first)).toBe(true)
    expect(first).toMatchObject({ statusCode: 400, apiCode: 40125 })
    for (let i = 0; i < 5; i++) await expect(cache.get()).rejects.toBe(first)
    expect(upstream.requests).toHaveLength(1)
    expect(events.filter((e) => e.type === 'negative-hit')).toHaveLength(5)
    clock.advance(60_000)
    await expect(cache.get()).rejects.toSatisfy(isAuthingApiError)
    expect(upstream.requests).toHaveLength(2)
  })

  test('a transient upstream failure is not remembered: the next call tries again', async () => {
    const { cache } = setup()
    upstream.fail({ type: 'reset' })
    await expect(cache.get()).rejects.toMatchObject({ name: 'NetworkError' })
    upstream.fail(undefined)
    expect((await cache.get()).accessToken).toBe(TOKEN_A)
    expect(upstream.requests).toHaveLength(2)
  })

  test('a failing store fails open: the fetched token is returned and events say what failed', async () => {
    const broken = {
      get: () => Promise.reject(new Error('store down')),
      set: () => Promise.reject(new Error('store down')),
      delete: () => Promise.reject(new Error('store down')),
    }
    const { cache, events } = setup({ store: broken })
    const background: Promise<unknown>[] = []
    const token = await cache.get({ waitUntil: (p) => background.push(p) })
    await Promise.all(background)
    expect(token.accessToken).toBe(TOKEN_A)
    const failures = events.filter((e) => e.type === 'store-error')
    expect(failures.map((e) => e.type === 'store-error' && e.operation)).toEqual(['get', 'set'])
    expect(await cache.invalidate(TOKEN_A)).toBe(true)
    expect(events.filter((e) => e.type === 'store-error')).toHaveLength(3) // get before delete
  })
})
