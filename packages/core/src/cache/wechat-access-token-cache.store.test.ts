import { describe, expect, test } from 'vitest'
import { NetworkError } from '../errors/network-error.js'
import { MemoryStore } from './memory-store.js'
import { cacheProcess } from './test-helpers/cache-process.js'
import { createTestClock } from './test-helpers/test-clock.js'
import type { TokenStore } from './token-store.js'

// A shared store seen from several caches ("processes"), each with its own source and events.

const T0 = 1_700_000_000_000
const HOUR2 = 7_200_000

/** A store that keeps answering with whatever it held first, like a KV location that lags. */
function laggingStore(value: unknown): TokenStore & { deletes: number } {
  return {
    deletes: 0,
    get: async () => value,
    set: async () => undefined,
    async delete() {
      this.deletes += 1
    },
  }
}

describe('with a shared store', () => {
  test('a memory miss reads the store first: a second process asks no upstream', async () => {
    const clock = createTestClock(T0)
    const store = new MemoryStore({ now: clock.now })
    const one = cacheProcess(store, clock)
    const two = cacheProcess(store, clock)
    await one.getAnswering('A')
    expect((await two.cache.get()).accessToken).toBe('A')
    expect(two.source.calls).toHaveLength(0)
    expect(two.events.find((e) => e.type === 'hit')).toMatchObject({ source: 'store' })
  })

  test('a stored value is validated when read: garbage is reported and upstream is asked', async () => {
    const clock = createTestClock(T0)
    const p = cacheProcess(laggingStore({ accessToken: 42, expiresAt: 'soon' }), clock)
    expect((await p.getAnswering('A')).accessToken).toBe('A')
    expect(p.events.find((e) => e.type === 'store-error')).toMatchObject({ operation: 'validate' })
  })

  test('a stored token that has expired is never served', async () => {
    const clock = createTestClock(T0)
    const p = cacheProcess(laggingStore({ accessToken: 'OLD', expiresAt: T0 - 1 }), clock)
    const failing = p.cache.get()
    await p.source.waitForCalls(1)
    p.source.calls[0]?.fail(new NetworkError())
    await expect(failing).rejects.toMatchObject({ name: 'NetworkError' })
  })

  test('a stored token near expiry is not taken, but serves stale when upstream fails', async () => {
    const clock = createTestClock(T0)
    const p = cacheProcess(laggingStore({ accessToken: 'OLD', expiresAt: T0 + 240_000 }), clock)
    const pending = p.cache.get()
    await p.source.waitForCalls(1)
    p.source.calls[0]?.fail(new NetworkError())
    expect(await pending).toEqual({ accessToken: 'OLD', expiresAt: T0 + 240_000 })
    expect(p.events.at(-1)).toMatchObject({ type: 'stale-served', error: { name: 'NetworkError' } })
  })

  test('a stale store handing back an invalidated token is not served again', async () => {
    const clock = createTestClock(T0)
    const store = laggingStore({ accessToken: 'A', expiresAt: T0 + HOUR2 })
    const p = cacheProcess(store, clock)
    expect((await p.cache.get()).accessToken).toBe('A') // from the store
    expect(await p.cache.invalidate('A')).toBe(true)
    expect(store.deletes).toBe(1)
    // The store still answers A; the cache remembers A was rejected and asks upstream.
    expect((await p.getAnswering('B')).accessToken).toBe('B')
    expect(p.source.calls).toHaveLength(1)
  })

  test('compare-and-invalidate leaves a store entry alone once it holds another token', async () => {
    const clock = createTestClock(T0)
    const store = new MemoryStore({ now: clock.now })
    const one = cacheProcess(store, clock)
    const two = cacheProcess(store, clock)
    await one.getAnswering('A')
    await two.cache.get() // two holds A too, from the store
    clock.advance(60_000)
    await one.cache.invalidate('A')
    await one.getAnswering('B') // one refetched and stored B
    // Two's WeChat call with A fails late; its invalidate must not delete B from the store.
    expect(await two.cache.invalidate('A')).toBe(true)
    expect(await store.get(two.cache.key)).toEqual({ accessToken: 'B', expiresAt: T0 + HOUR2 })
    expect((await two.cache.get()).accessToken).toBe('B')
    expect(two.source.calls).toHaveLength(0)
  })

  test('invalidate deletes the store entry when it still holds that token', async () => {
    const clock = createTestClock(T0)
    const store = new MemoryStore({ now: clock.now })
    const one = cacheProcess(store, clock)
    await one.getAnswering('A')
    expect(await one.cache.invalidate('A')).toBe(true)
    expect(await store.get(one.cache.key)).toBeUndefined()
  })

  test('the refresh-ahead path picks up a token another process already renewed', async () => {
    const clock = createTestClock(T0)
    const store = new MemoryStore({ now: clock.now })
    const one = cacheProcess(store, clock)
    const two = cacheProcess(store, clock)
    await one.getAnswering('A')
    await two.cache.get()
    clock.set(T0 + HOUR2 - 240_000)
    await one.getAnswering('B', T0 + 2 * HOUR2) // one refreshed ahead and stored B
    expect((await two.cache.get({ waitUntil: two.waitUntil })).accessToken).toBe('A') // served at once
    await Promise.all(two.background)
    expect((await two.cache.get()).accessToken).toBe('B') // from the store, not upstream
    expect(two.source.calls).toHaveLength(0)
  })
})
