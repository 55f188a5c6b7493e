import { afterEach, describe, expect, test, vi } from 'vitest'
import { isAuthingApiError } from '../errors/authing-api-error.js'
import { NetworkError } from '../errors/network-error.js'
import type { WechatAccessTokenCacheEvent } from './cache-events.js'
import type { WechatAccessTokenCacheOptions } from './cache-options.js'
import { isCacheWaitTimeoutError } from './cache-wait-timeout-error.js'
import { scriptedSource } from './test-helpers/scripted-source.js'
import { createTestClock } from './test-helpers/test-clock.js'
import { WechatAccessTokenCache } from './wechat-access-token-cache.js'

// Semantics in detail, with a hand-made source whose calls stay pending until the test settles
// them, and an injected clock.

const SECRET = 'wx-secret-Zq7-distinctive-4f1c'
const T0 = 1_700_000_000_000
const HOUR2 = 7_200_000

function setup(overrides: Partial<WechatAccessTokenCacheOptions> = {}) {
  const clock = createTestClock(T0)
  const source = scriptedSource()
  const events: WechatAccessTokenCacheEvent[] = []
  const cache = new WechatAccessTokenCache({
    client: source,
    appId: 'wx-app',
    appSecret: SECRET,
    now: clock.now,
    onEvent: (event) => events.push(event),
    ...overrides,
  })
  /** Starts a get, waits for the source call it makes (the `n`-th), settles it with `token`. */
  async function prime(token = 'A', expiresAt = T0 + HOUR2, n = source.calls.length + 1) {
    const pending = cache.get()
    await source.waitForCalls(n)
    source.calls[n - 1]?.succeed(token, expiresAt)
    return pending
  }
  return { cache, clock, source, events, prime }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('get', () => {
  test('asks the source with the WeChat credentials and throwOnApiError', async () => {
    const { source, prime } = setup()
    await prime()
    expect(source.calls[0]).toMatchObject({
      appId: 'wx-app',
      appSecret: SECRET,
      throwOnApiError: true,
    })
  })

  test('a hit returns the very same promise: the hot path creates no promise', async () => {
    const { cache, prime } = setup()
    await prime()
    const first = cache.get()
    expect(cache.get()).toBe(first)
    expect(await first).toEqual({ accessToken: 'A', expiresAt: T0 + HOUR2 })
  })

  test('forceRefresh asks upstream once, then not again within minRefreshIntervalMs', async () => {
    const { cache, clock, source, prime } = setup({ minRefreshIntervalMs: 30_000 })
    await prime('A')
    clock.advance(30_000)
    const forced = cache.get({ forceRefresh: true })
    await source.waitForCalls(2)
    source.calls[1]?.succeed('B', T0 + 2 * HOUR2)
    expect((await forced).accessToken).toBe('B')
    expect((await cache.get({ forceRefresh: true })).accessToken).toBe('B')
    expect(source.calls).toHaveLength(2)
  })

  test('an envelope with a business error becomes an AuthingApiError, the secret redacted', async () => {
    const { cache, source } = setup()
    const pending = cache.get().catch((e: unknown) => e)
    await source.waitForCalls(1)
    source.calls[0]?.answer({
      statusCode: 403,
      apiCode: 7,
      message: `no: ${SECRET}`,
      requestId: 'r9',
    })
    const error = await pending
    expect(isAuthingApiError(error)).toBe(true)
    expect(error).toMatchObject({ statusCode: 403, apiCode: 7, requestId: 'r9' })
    expect(JSON.stringify(error)).not.toContain(SECRET)
    expect(String(error)).not.toContain(SECRET)
  })

  test('a requestId that echoes the secret is redacted too, as the client does it', async () => {
    const { cache, source } = setup()
    const pending = cache.get().catch((e: unknown) => e)
    await source.waitForCalls(1)
    source.calls[0]?.answer({ statusCode: 403, message: 'no', requestId: `req-${SECRET}` })
    const error = await pending
    expect(error).toMatchObject({ statusCode: 403, httpStatus: 200 })
    expect(JSON.stringify(error)).not.toContain(SECRET)
    expect(String(error)).not.toContain(SECRET)
  })

  test('an answer that is not an envelope is a ResponseValidationError, not a token', async () => {
    const { cache, source } = setup()
    const pending = cache.get()
    await source.waitForCalls(1)
    source.calls[0]?.answer({ statusCode: 200, message: 'ok', data: { accessToken: 42 } })
    await expect(pending).rejects.toMatchObject({ name: 'ResponseValidationError' })
  })

  test('a slow, older refresh never overwrites the token a newer one installed', async () => {
    const { cache, clock, source } = setup({ maxWaitMs: 5_000 })
    const stuck = cache.get()
    await source.waitForCalls(1)
    clock.advance(5_000) // the first refresh now counts as abandoned
    const fresh = cache.get()
    await source.waitForCalls(2)
    source.calls[1]?.succeed('NEW', T0 + 2 * HOUR2)
    expect((await fresh).accessToken).toBe('NEW')
    source.calls[0]?.succeed('OLD', T0 + HOUR2)
    expect((await stuck).accessToken).toBe('OLD') // its own caller still gets its answer
    expect((await cache.get()).accessToken).toBe('NEW')
  })
})

describe('bounded waits', () => {
  test('a call waiting on another call’s refresh gives up after maxWaitMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { cache, source, events } = setup({ maxWaitMs: 1_000 })
    const owner = cache.get()
    const waiter = cache.get().catch((e: unknown) => e)
    await source.waitForCalls(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(events.some((e) => e.type === 'wait-timeout')).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(isCacheWaitTimeoutError(await waiter)).toBe(true)
    expect(events.filter((e) => e.type === 'wait-timeout')).toHaveLength(1)
    source.calls[0]?.succeed('A', T0 + HOUR2) // the owner's own request is not bounded
    expect((await owner).accessToken).toBe('A')
    expect(source.calls).toHaveLength(1)
  })

  test('a waiter that holds an unexpired token gets it when the bound runs out', async () => {
    const { cache, clock, source, events, prime } = setup({ maxWaitMs: 1_000 })
    const held = await prime('A')
    clock.advance(60_000)
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const owner = cache.get({ forceRefresh: true })
    const waiter = cache.get({ forceRefresh: true })
    await source.waitForCalls(2)
    await vi.advanceTimersByTimeAsync(1_000)
    expect(await waiter).toBe(held)
    expect(events.at(-1)).toMatchObject({
      type: 'stale-served',
      error: { name: 'CacheWaitTimeoutError' },
    })
    source.calls[1]?.succeed('B', T0 + 2 * HOUR2)
    expect((await owner).accessToken).toBe('B')
  })

  test('an aborted signal stops that caller only; the shared refresh goes on', async () => {
    const { cache, source } = setup()
    const controller = new AbortController()
    const owner = cache.get()
    const aborted = cache.get({ signal: controller.signal })
    await source.waitForCalls(1)
    controller.abort(new Error('client went away'))
    await expect(aborted).rejects.toThrow('client went away')
    source.calls[0]?.succeed('A', T0 + HOUR2)
    expect((await owner).accessToken).toBe('A')
    expect(source.calls).toHaveLength(1)
  })

  test('waitUntil receives the refresh a cold call starts, including the store write', async () => {
    const writes: string[] = []
    const store = {
      get: async () => undefined,
      set: async (_key: string, value: { accessToken: string }) => {
        writes.push(value.accessToken)
      },
      delete: async () => undefined,
    }
    const { cache, source } = setup({ store })
    const background: Promise<unknown>[] = []
    const pending = cache.get({ waitUntil: (p) => background.push(p) })
    expect(background).toHaveLength(1)
    await source.waitForCalls(1)
    source.calls[0]?.succeed('A', T0 + HOUR2)
    await pending
    await background[0]
    expect(writes).toEqual(['A'])
  })

  test('a waitUntil that throws (an unbound ctx.waitUntil) is logged and does not break get', async () => {
    const clock = createTestClock(T0)
    const warnings: string[] = []
    const source = scriptedSource({ warn: (message) => warnings.push(message) })
    const cache = new WechatAccessTokenCache({
      client: source,
      appId: 'wx',
      appSecret: SECRET,
      now: clock.now,
    })
    const pending = cache.get({
      waitUntil: () => {
        throw new TypeError('Illegal invocation')
      },
    })
    await source.waitForCalls(1)
    source.calls[0]?.succeed('A', T0 + HOUR2)
    expect((await pending).accessToken).toBe('A')
    expect(warnings).toEqual([
      'WeChat access token cache: waitUntil threw; on Workers pass (p) => ctx.waitUntil(p), not ctx.waitUntil',
    ])
  })
})

describe('invalidate', () => {
  test('rejects an empty token with a ConfigError naming accessToken', async () => {
    const { cache } = setup()
    await expect(cache.invalidate('')).rejects.toMatchObject({
      name: 'ConfigError',
      option: 'accessToken',
    })
  })

  test('when upstream hands back the invalidated token, a repeat within minRefreshIntervalMs is ignored', async () => {
    const { cache, clock, source, events, prime } = setup({ minRefreshIntervalMs: 30_000 })
    await prime('A')
    expect(await cache.invalidate('A')).toBe(true)
    expect((await prime('A')).accessToken).toBe('A') // upstream still stands by A
    expect(await cache.invalidate('A')).toBe(false)
    expect(events.at(-1)).toMatchObject({ type: 'invalidate', outcome: 'reaffirmed' })
    expect((await cache.get()).accessToken).toBe('A')
    expect(source.calls).toHaveLength(2)
    clock.advance(30_000)
    expect(await cache.invalidate('A')).toBe(true)
    expect((await prime('B')).accessToken).toBe('B')
    expect(source.calls).toHaveLength(3)
  })
})

describe('failures', () => {
  test('a failed refresh is not kept: the next call asks again', async () => {
    const { cache, source, prime } = setup()
    const failed = cache.get()
    await source.waitForCalls(1)
    source.calls[0]?.fail(new NetworkError())
    await expect(failed).rejects.toMatchObject({ name: 'NetworkError' })
    expect((await prime('A')).accessToken).toBe('A')
    expect(source.calls).toHaveLength(2)
  })

  test('a listener or logger that throws does not break get', async () => {
    const clock = createTestClock(T0)
    const boom = () => {
      throw new Error('listener bug')
    }
    const source = scriptedSource({ debug: boom, info: boom, warn: boom })
    const cache = new WechatAccessTokenCache({
      client: source,
      appId: 'wx-app',
      appSecret: SECRET,
      now: clock.now,
      onEvent: boom,
    })
    const pending = cache.get()
    await source.waitForCalls(1)
    source.calls[0]?.succeed('A', T0 + HOUR2)
    expect((await pending).accessToken).toBe('A')
    expect((await cache.get()).accessToken).toBe('A')
  })

  test('events go to the client logger at a level that fits them', async () => {
    const clock = createTestClock(T0)
    const lines: [string, string][] = []
    const source = scriptedSource({
      debug: (message) => lines.push(['debug', message]),
      info: (message) => lines.push(['info', message]),
      warn: (message) => lines.push(['warn', message]),
    })
    const store = {
      get: () => Promise.reject(new Error('down')),
      set: async () => {},
      delete: async () => {},
    }
    const cache = new WechatAccessTokenCache({
      client: source,
      appId: 'wx',
      appSecret: SECRET,
      now: clock.now,
      store,
    })
    const pending = cache.get()
    await source.waitForCalls(1)
    source.calls[0]?.succeed('A', T0 + HOUR2)
    await pending
    await cache.get()
    expect(lines).toEqual([
      ['debug', 'WeChat access token cache: miss'],
      ['warn', 'WeChat access token cache: store failed, carrying on without it'],
      ['info', 'WeChat access token cache: refreshed from upstream'],
      ['debug', 'WeChat access token cache: hit'],
    ])
  })
})
