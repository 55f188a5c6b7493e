import { describe, expect, test } from 'vitest'
import { createSeededRandom } from './seeded-random.js'
import { createTokenStore } from './token-store.js'

const T0 = Date.UTC(2026, 0, 1)
const policy = { lifetimeSeconds: 7200, renewBeforeSeconds: 300 }

describe('createTokenStore', () => {
  test('issues a token that expires floor(now / 1000) + 7200 seconds', () => {
    const store = createTokenStore(() => policy, createSeededRandom(1))
    const token = store.obtain('wx1', T0 + 999)
    expect(token.expiresAt).toBe(T0 / 1000 + 7200)
    expect(token.generation).toBe(1)
    expect(token.accessToken).toMatch(/^1_EMU[A-Za-z0-9]{96}$/)
  })

  test('returns the same token until 5 minutes before expiry, then a new one', () => {
    const store = createTokenStore(() => policy, createSeededRandom(1))
    const first = store.obtain('wx1', T0)
    const renewAt = T0 + (7200 - 300) * 1000
    expect(store.obtain('wx1', renewAt - 1)).toBe(first)
    const second = store.obtain('wx1', renewAt)
    expect(second.accessToken).not.toBe(first.accessToken)
    expect(second.generation).toBe(2)
    expect(second.expiresAt).toBe(renewAt / 1000 + 7200)
  })

  test('keeps one token per WeChat app', () => {
    const store = createTokenStore(() => policy, createSeededRandom(1))
    const a = store.obtain('wxA', T0)
    const b = store.obtain('wxB', T0)
    expect(a.accessToken).not.toBe(b.accessToken)
    expect(store.list().map((token) => token.wechatAppId)).toEqual(['wxA', 'wxB'])
    expect(store.peek('wxA')).toBe(a)
  })

  test('invalidate makes the next request issue a new token', () => {
    const store = createTokenStore(() => policy, createSeededRandom(1))
    const first = store.obtain('wx1', T0)
    store.obtain('wx2', T0)
    expect(store.invalidate('wx1')).toBe(1)
    expect(store.invalidate('wx1')).toBe(0)
    expect(store.obtain('wx1', T0).accessToken).not.toBe(first.accessToken)
    expect(store.invalidate()).toBe(2)
    expect(store.list()).toEqual([])
  })

  test('follows a policy that changes at run time', () => {
    let lifetimeSeconds = 7200
    const store = createTokenStore(
      () => ({ lifetimeSeconds, renewBeforeSeconds: 0 }),
      createSeededRandom(1),
    )
    lifetimeSeconds = 60
    expect(store.obtain('wx1', T0).expiresAt).toBe(T0 / 1000 + 60)
  })
})
