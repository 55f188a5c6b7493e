import { describe, expect, test } from 'vitest'
import { CloudflareKVStore } from './cloudflare-kv-store.js'
import { cacheProcess } from './test-helpers/cache-process.js'
import { FakeKVNamespace } from './test-helpers/fake-kv-namespace.js'
import { createTestClock, type TestClock } from './test-helpers/test-clock.js'

const T0 = 1_700_000_000_000
const HOUR2 = 7_200_000
const KEY = 'k'

describe('CloudflareKVStore', () => {
  test('writes JSON text with an expirationTtl that follows the token’s expiry', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    const store = new CloudflareKVStore(kv.at('fra'), { now: clock.now })
    await store.set(KEY, { accessToken: 'A', expiresAt: T0 + HOUR2 }, { expiresAt: T0 + HOUR2 })
    expect(kv.at('fra').calls).toEqual([['put', KEY, { expirationTtl: 7200 }]])
    expect(kv.peek(KEY)).toEqual({
      value: JSON.stringify({ accessToken: 'A', expiresAt: T0 + HOUR2 }),
      expiration: T0 / 1000 + 7200,
    })
  })

  test('raises the TTL to KV’s 60-second minimum for a token about to expire', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    const store = new CloudflareKVStore(kv.at('fra'), { now: clock.now })
    await store.set(KEY, { accessToken: 'A', expiresAt: T0 + 1_500 }, { expiresAt: T0 + 1_500 })
    expect(kv.at('fra').calls).toEqual([['put', KEY, { expirationTtl: 60 }]])
  })

  test('does not write a token that has already expired', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    const store = new CloudflareKVStore(kv.at('fra'), { now: clock.now })
    await store.set(KEY, { accessToken: 'A', expiresAt: T0 }, { expiresAt: T0 })
    expect(kv.peek(KEY)).toBeUndefined()
  })

  test('reads text back as parsed JSON, absent as undefined, and passes cacheTtl', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    const store = new CloudflareKVStore(kv.at('fra'), { now: clock.now, cacheTtl: 30 })
    expect(await store.get(KEY)).toBeUndefined()
    await kv.at('fra').put(KEY, '{"accessToken":"A","expiresAt":1}')
    expect(await store.get(KEY)).toEqual({ accessToken: 'A', expiresAt: 1 })
    expect(kv.at('fra').calls.filter((c) => c[0] === 'get')).toEqual([
      ['get', KEY, 'text'],
      ['get', KEY, 'text'],
    ])
  })

  test('a value that is not JSON rejects, for the cache to report', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    await kv.at('fra').put(KEY, 'not json')
    await expect(new CloudflareKVStore(kv.at('fra')).get(KEY)).rejects.toThrow(SyntaxError)
  })
})

/** One Worker isolate reading and writing KV at `location`. */
function isolate(location: string, kv: FakeKVNamespace, clock: TestClock) {
  return cacheProcess(new CloudflareKVStore(kv.at(location), { now: clock.now }), clock)
}

describe('WechatAccessTokenCache on eventually consistent KV', () => {
  test('a second isolate in the same location takes the token from KV, asking no upstream', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    await isolate('fra', kv, clock).getAnswering('A')
    const second = isolate('fra', kv, clock)
    expect((await second.cache.get()).accessToken).toBe('A')
    expect(second.source.calls).toHaveLength(0)
  })

  test('a location that has not seen the write yet fetches for itself; later it shares', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    const sin = isolate('sin', kv, clock)
    const syd = isolate('syd', kv, clock)
    // Both edges read the key before fra writes it, so they keep "absent" for up to 60 s.
    await kv.at('sin').get(sin.cache.key)
    await kv.at('syd').get(syd.cache.key)
    await isolate('fra', kv, clock).getAnswering('A')
    expect((await sin.getAnswering('A')).accessToken).toBe('A')
    expect(sin.source.calls).toHaveLength(1) // tolerated: one extra upstream request
    clock.advance(60_000)
    expect((await syd.cache.get()).accessToken).toBe('A')
    expect(syd.source.calls).toHaveLength(0)
  })

  test('after invalidate, a location whose KV still serves the old token does not serve it', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    const fra = isolate('fra', kv, clock)
    const sin = isolate('sin', kv, clock)
    await fra.getAnswering('A')
    expect((await sin.cache.get()).accessToken).toBe('A') // sin's edge now caches A
    await fra.cache.invalidate('A') // deleted centrally; sin keeps seeing A for up to 60 s
    expect(kv.peek(sin.cache.key)).toBeUndefined()
    expect(await sin.cache.invalidate('A')).toBe(true) // sin's WeChat call failed with A as well
    expect((await sin.getAnswering('B')).accessToken).toBe('B')
    expect(sin.source.calls).toHaveLength(1)
  })

  test('a non-JSON value under the key is a store error, and upstream is asked', async () => {
    const clock = createTestClock(T0)
    const kv = new FakeKVNamespace({ now: clock.now })
    const fra = isolate('fra', kv, clock)
    await kv.at('fra').put(fra.cache.key, '<html>')
    expect((await fra.getAnswering('A')).accessToken).toBe('A')
    expect(fra.events.find((e) => e.type === 'store-error')).toMatchObject({
      operation: 'get',
      error: { name: 'SyntaxError' },
    })
  })
})
