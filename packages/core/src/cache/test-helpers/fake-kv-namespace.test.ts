import { describe, expect, test } from 'vitest'
import { FakeKVNamespace } from './fake-kv-namespace.js'
import { createTestClock } from './test-clock.js'

// The fake must behave like Workers KV where the cache relies on it, or the KV tests prove nothing.

describe('FakeKVNamespace', () => {
  test('refuses an expirationTtl below 60 seconds with KV’s message', async () => {
    const kv = new FakeKVNamespace({ now: createTestClock().now }).at('fra')
    await expect(kv.put('k', 'v', { expirationTtl: 59 })).rejects.toThrow(
      'Invalid expiration_ttl of 59. Expiration TTL must be at least 60.',
    )
    await expect(kv.put('k', 'v', { expirationTtl: 60 })).resolves.toBeUndefined()
  })

  test('refuses an absolute expiration less than 60 seconds ahead', async () => {
    const clock = createTestClock(1_700_000_000_000)
    const kv = new FakeKVNamespace({ now: clock.now }).at('fra')
    await expect(kv.put('k', 'v', { expiration: 1_700_000_059 })).rejects.toThrow(
      'Expiration times must be at least 60 seconds in the future.',
    )
    await expect(kv.put('k', 'v', { expiration: 1_700_000_000 })).rejects.toThrow(
      'Please specify integer greater than the current number of seconds',
    )
    await kv.put('k', 'v', { expiration: 1_700_000_060 })
    expect(await kv.get('k')).toBe('v')
  })

  test('expires values at their expiration', async () => {
    const clock = createTestClock(1_700_000_000_000)
    const kv = new FakeKVNamespace({ now: clock.now, propagationMs: 0 }).at('fra')
    await kv.put('k', 'v', { expirationTtl: 60 })
    clock.advance(59_999)
    expect(await kv.get('k')).toBe('v')
    clock.advance(1)
    expect(await kv.get('k')).toBeNull()
  })

  test('answers text or JSON, by type string or options object', async () => {
    const kv = new FakeKVNamespace({ now: createTestClock().now }).at('fra')
    await kv.put('k', '{"a":1}')
    expect(await kv.get('k')).toBe('{"a":1}')
    expect(await kv.get('k', 'text')).toBe('{"a":1}')
    expect(await kv.get('k', { type: 'text' })).toBe('{"a":1}')
    expect(await kv.get('k', 'json')).toEqual({ a: 1 })
    expect(await kv.get('k', { type: 'json' })).toEqual({ a: 1 })
    expect(await kv.get('missing', 'json')).toBeNull()
    await expect(kv.get('k', { type: 'text', cacheTtl: 10 })).rejects.toThrow('at least 30')
  })

  test('is eventually consistent: other locations see a change after propagationMs', async () => {
    const clock = createTestClock()
    const kv = new FakeKVNamespace({ now: clock.now, propagationMs: 60_000 })
    await kv.at('fra').put('k', 'old')
    expect(await kv.at('sin').get('k')).toBe('old')
    await kv.at('fra').put('k', 'new')
    expect(await kv.at('fra').get('k')).toBe('new') // the writer sees its own write
    expect(await kv.at('sin').get('k')).toBe('old')
    await kv.at('fra').delete('k')
    clock.advance(59_999)
    expect(await kv.at('sin').get('k')).toBe('old')
    clock.advance(1)
    expect(await kv.at('sin').get('k')).toBeNull()
  })
})
