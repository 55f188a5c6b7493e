import { inspect } from 'node:util'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { AuthenticationClient } from '../client/authentication-client.js'
import type { WechatAccessTokenCacheEvent } from './cache-events.js'
import { CloudflareKVStore } from './cloudflare-kv-store.js'
import { FakeKVNamespace } from './test-helpers/fake-kv-namespace.js'
import { createTestClock } from './test-helpers/test-clock.js'
import { startWechatUpstream, type WechatUpstream } from './test-helpers/wechat-upstream-server.js'
import { WechatAccessTokenCache } from './wechat-access-token-cache.js'

// Runs every path that reports something (hit, miss, refresh, refresh-failed, stale-served,
// store-error, negative-hit, invalidate) with a distinctive secret and token, then scans all
// that left the cache: events, log lines and fields, keys, errors, inspection of the cache.

const SECRET = 'wx-secret-Zq7-distinctive-4f1c'
const T0 = 1_700_000_000_000
// Varied characters, so that any 12-character piece of it is distinctive.
const TOKEN = Array.from({ length: 24 }, (_, i) => `${i}_${(i * 7919 + 104729).toString(36)}`).join(
  '.',
)

let upstream: WechatUpstream

beforeEach(async () => {
  upstream = await startWechatUpstream({
    appSecret: SECRET,
    token: { accessToken: TOKEN, expiresAt: T0 + 7_200_000 },
  })
})

afterEach(async () => {
  await upstream.close()
})

describe('secrets', () => {
  test('neither the appSecret nor the full token appears in keys, events, logs or errors', async () => {
    const clock = createTestClock(T0)
    const seen: unknown[] = []
    const logger = {
      debug: (message: string, fields?: unknown) => seen.push(message, fields),
      info: (message: string, fields?: unknown) => seen.push(message, fields),
      warn: (message: string, fields?: unknown) => seen.push(message, fields),
      error: (message: string, fields?: unknown) => seen.push(message, fields),
    }
    const events: WechatAccessTokenCacheEvent[] = []
    const kv = new FakeKVNamespace({ now: clock.now })
    const client = new AuthenticationClient({
      appId: 'authing-app',
      appHost: upstream.url,
      retry: 0,
      logger,
    })
    const cache = new WechatAccessTokenCache({
      client,
      appId: 'wx-app',
      appSecret: SECRET,
      store: new CloudflareKVStore(kv.at('fra'), { now: clock.now }),
      now: clock.now,
      onEvent: (event) => events.push(event),
    })
    const background: Promise<unknown>[] = []
    const waitUntil = (p: Promise<unknown>) => background.push(p)

    await cache.get({ waitUntil }) // miss, refresh, store write
    await cache.get() // hit
    clock.set(T0 + 7_200_000 - 240_000)
    upstream.fail({
      type: 'api-error',
      statusCode: 400,
      apiCode: 40125,
      message: `invalid appsecret ${SECRET}`,
    })
    await cache.get({ waitUntil }) // refresh-ahead fails: refresh-failed, negative cached
    await Promise.all(background)
    await cache.get() // stale-served hit
    await kv.at('fra').put(cache.key, '{"broken"') // store-error on the next read
    await cache.invalidate(TOKEN, { waitUntil }) // invalidate + store read error
    const errors = [await cache.get().catch((e: unknown) => e)] // negative-hit
    clock.advance(60_000)
    errors.push(await cache.get().catch((e: unknown) => e)) // upstream again: AuthingApiError
    await Promise.all(background)

    const types = new Set(events.map((e) => e.type))
    for (const type of [
      'hit',
      'miss',
      'refresh',
      'refresh-failed',
      'stale-served',
      'store-error',
      'negative-hit',
      'invalidate',
    ]) {
      expect(types).toContain(type)
    }
    expect(errors.map((e) => (e as Error).name)).toEqual(['AuthingApiError', 'AuthingApiError'])

    const outside = [
      JSON.stringify(events),
      inspect(events, { depth: 10 }),
      JSON.stringify(seen),
      inspect(seen, { depth: 10 }),
      cache.key,
      JSON.stringify(cache),
      inspect(cache, { depth: 10, showHidden: true }),
      ...errors.flatMap((e) => [JSON.stringify(e), inspect(e, { depth: 10 }), String(e)]),
    ].join('\n')
    expect(outside).not.toContain(SECRET)
    expect(outside).not.toContain(TOKEN)
    for (let i = 0; i + 12 <= TOKEN.length; i++) {
      expect(outside).not.toContain(TOKEN.slice(i, i + 12)) // not even a piece of the token
    }
    // The store still has its entry (the broken value put above) under that secret-free key.
    expect(kv.peek(cache.key)?.value).toBe('{"broken"')
  })
})
