// Compare-and-invalidate through the Worker, for a caller that just got 40001 / 42001 from
// WeChat with the token it was handed.
import { env, exports } from 'cloudflare:workers'
import * as v from 'valibot'
import { beforeAll, describe, expect, test } from 'vitest'
import { emulator, upstreamCalls } from '../test/emulator-control.js'
import { readTokenBody } from '../test/token-body.js'

async function getToken(): Promise<string> {
  const response = await exports.default.fetch(
    new Request('https://broker.test/v1/wechat/access-token', {
      headers: { authorization: `Bearer ${env.BROKER_TOKEN}` },
    }),
  )
  expect(response.status).toBe(200)
  return (await readTokenBody(response)).accessToken
}

async function invalidate(accessToken: string): Promise<unknown> {
  const response = await exports.default.fetch(
    new Request('https://broker.test/v1/wechat/access-token/invalidate', {
      method: 'POST',
      headers: { authorization: `Bearer ${env.BROKER_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken }),
    }),
  )
  expect(response.status).toBe(200)
  expect(response.headers.get('cache-control')).toBe('no-store')
  return response.json()
}

const StoredSchema = v.object({ accessToken: v.string(), expiresAt: v.number() })

/** The tokens the shared KV namespace holds, whatever their keys. */
async function tokensInKv(): Promise<string[]> {
  const kv = env.WECHAT_TOKEN_CACHE
  if (kv === undefined) throw new Error('WECHAT_TOKEN_CACHE is not bound in the tests')
  const { keys } = await kv.list()
  const values = await Promise.all(keys.map((key) => kv.get(key.name, 'json')))
  return values.map((value) => v.parse(StoredSchema, value).accessToken)
}

describe('POST /v1/wechat/access-token/invalidate', () => {
  // One emulator state for the whole file, like the Worker's memory: counts are compared
  // before and after each step.
  beforeAll(async () => {
    await emulator.reset()
  })

  test('drops a token WeChat revoked, so the next GET fetches the new one once', async () => {
    const revoked = await getToken()
    const calls = await upstreamCalls()
    await emulator.invalidateTokens()
    expect(await invalidate(revoked)).toEqual({ invalidated: true })

    const fresh = await getToken()
    expect(fresh).not.toBe(revoked)
    expect(await getToken()).toBe(fresh)
    expect(await upstreamCalls()).toBe(calls + 1)
    expect(await tokensInKv()).toEqual([fresh])
  })

  test('leaves a newer token alone when a late caller invalidates an old one', async () => {
    const old = await getToken()
    await emulator.invalidateTokens()
    await invalidate(old)
    const current = await getToken()
    const calls = await upstreamCalls()

    expect(await invalidate(old)).toEqual({ invalidated: false })
    expect(await getToken()).toBe(current)
    expect(await upstreamCalls()).toBe(calls)
  })

  test('does not loop when upstream hands back the very token just invalidated', async () => {
    const token = await getToken()
    expect(await invalidate(token)).toEqual({ invalidated: true })
    // Upstream still holds it (WeChat's stable token), so the refresh returns it again.
    expect(await getToken()).toBe(token)
    const calls = await upstreamCalls()
    expect(await invalidate(token)).toEqual({ invalidated: false })
    expect(await getToken()).toBe(token)
    expect(await upstreamCalls()).toBe(calls)
  })
})
