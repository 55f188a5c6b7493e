// @authing-edge/core's CloudflareKVStore against a real KV binding in workerd (the local KV
// simulation wrangler and Miniflare use), and the Worker writing through to it.

import { env } from 'cloudflare:workers'
import { CloudflareKVStore } from '@authing-edge/core'
import * as v from 'valibot'
import { beforeAll, describe, expect, test } from 'vitest'
import { callWorker } from '../test/call-worker.js'
import { emulator } from '../test/emulator-control.js'

function namespace(): KVNamespace {
  if (env.WECHAT_TOKEN_CACHE === undefined) throw new Error('WECHAT_TOKEN_CACHE is not bound')
  return env.WECHAT_TOKEN_CACHE
}

/** The `expiration` (epoch seconds) KV reports for a key. */
async function expirationOf(key: string): Promise<number | undefined> {
  const { keys } = await namespace().list({ prefix: key })
  return keys.find((k) => k.name === key)?.expiration
}

describe('CloudflareKVStore on a real KV namespace', () => {
  const NOW = Date.now()
  const store = new CloudflareKVStore(namespace(), { now: () => NOW })

  test('reads back what it wrote, and undefined for an absent key', async () => {
    const token = { accessToken: 'kv-token-1', expiresAt: NOW + 3_600_000 }
    await store.set('kv:roundtrip', token, { expiresAt: token.expiresAt })
    expect(await store.get('kv:roundtrip')).toEqual(token)
    expect(await store.get('kv:absent')).toBeUndefined()
  })

  test('sets the KV expiration from the token expiry', async () => {
    const expiresAt = NOW + 600_000
    await store.set('kv:ttl', { accessToken: 'kv-token-2', expiresAt }, { expiresAt })
    const expiration = await expirationOf('kv:ttl')
    // KV keeps whole seconds from its own clock; the TTL asked for is 600 s.
    expect(expiration).toBeGreaterThanOrEqual(Math.floor(NOW / 1000) + 590)
    expect(expiration).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 601)
  })

  test('raises a TTL under 60 seconds to KV minimum instead of failing', async () => {
    const expiresAt = NOW + 5_000
    await store.set('kv:short', { accessToken: 'kv-token-3', expiresAt }, { expiresAt })
    expect(await store.get('kv:short')).toEqual({ accessToken: 'kv-token-3', expiresAt })
    const expiration = await expirationOf('kv:short')
    expect(expiration).toBeGreaterThanOrEqual(Math.floor(NOW / 1000) + 59)
  })

  test('does not write a token that has already expired', async () => {
    const expiresAt = NOW - 1
    await store.set('kv:expired', { accessToken: 'kv-token-4', expiresAt }, { expiresAt })
    expect(await namespace().get('kv:expired')).toBeNull()
  })

  test('deletes', async () => {
    const expiresAt = NOW + 600_000
    await store.set('kv:delete', { accessToken: 'kv-token-5', expiresAt }, { expiresAt })
    await store.delete('kv:delete')
    expect(await store.get('kv:delete')).toBeUndefined()
  })

  test('throws on a value that is not JSON, for the cache to report', async () => {
    await namespace().put('kv:garbage', '{not json')
    await expect(store.get('kv:garbage')).rejects.toThrow(SyntaxError)
  })
})

describe('the Worker and the shared KV namespace', () => {
  beforeAll(async () => {
    await emulator.reset()
  })

  test('writes the token it fetched to KV under a key without any secret', async () => {
    // Through the handler directly, to wait for the store write handed to ctx.waitUntil.
    const response = await callWorker(env)
    const served = await response.json()
    const { keys } = await namespace().list({ prefix: 'authing-edge:wechat-access-token:' })
    expect(keys).toHaveLength(1)
    const [key] = keys
    const stored = v.parse(
      v.object({ accessToken: v.string(), expiresAt: v.number() }),
      await namespace().get(key?.name ?? '', 'json'),
    )
    expect(stored).toEqual(served)
    expect(key?.name).toContain(encodeURIComponent(String(env.WECHAT_APP_ID)))
    expect(key?.name).not.toContain(String(env.WECHAT_APP_SECRET))
    expect(key?.name).not.toContain(String(env.BROKER_TOKEN))
  })
})
