// The Worker as its callers see it: real requests through `exports.default.fetch` into the
// Worker running in workerd, which talks to the emulator over HTTP.
import { env, exports } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { emulator, upstreamCalls } from '../test/emulator-control.js'
import { readTokenBody } from '../test/token-body.js'

const TOKEN_URL = 'https://broker.test/v1/wechat/access-token'
const INVALIDATE_URL = 'https://broker.test/v1/wechat/access-token/invalidate'

function brokerToken(): string {
  if (env.BROKER_TOKEN === undefined) throw new Error('BROKER_TOKEN is not bound in the tests')
  return env.BROKER_TOKEN
}

function call(url: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(url, init))
}

function authorized(init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...init.headers, authorization: `Bearer ${brokerToken()}` } }
}

beforeAll(async () => {
  await emulator.reset()
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('GET /healthz', () => {
  test('answers 200 without authentication', async () => {
    const response = await call('https://broker.test/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })
})

describe('routing', () => {
  test('answers 404 in JSON for an unknown path', async () => {
    const response = await call('https://broker.test/v1/wechat/nope', authorized())
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'Unknown path' } })
  })

  test('answers 405 with Allow for a wrong method', async () => {
    const post = await call(TOKEN_URL, authorized({ method: 'POST', body: '{}' }))
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET')
    const get = await call(INVALIDATE_URL, authorized())
    expect(get.status).toBe(405)
    expect(get.headers.get('allow')).toBe('POST')
    expect(await get.json()).toMatchObject({ error: { code: 'method_not_allowed' } })
  })
})

describe('authentication', () => {
  const unauthorized = {
    error: { code: 'unauthorized', message: 'Missing or invalid bearer token' },
  }

  test('answers 401 without an Authorization header', async () => {
    const response = await call(TOKEN_URL)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer')
    expect(await response.json()).toEqual(unauthorized)
  })

  test('answers the same 401 for a wrong token, a near miss and the raw token', async () => {
    const near = `${brokerToken().slice(0, -1)}x`
    for (const authorization of [
      'Bearer wrong-token-value-123456',
      `Bearer ${near}`,
      brokerToken(),
    ]) {
      const response = await call(TOKEN_URL, { headers: { authorization } })
      expect(response.status).toBe(401)
      expect(await response.json()).toEqual(unauthorized)
    }
  })

  test('authenticates invalidate before reading its body', async () => {
    const response = await call(INVALIDATE_URL, { method: 'POST', body: 'not json' })
    expect(response.status).toBe(401)
  })

  test('never asks upstream for an unauthenticated caller', async () => {
    const before = await upstreamCalls()
    await call(TOKEN_URL, { headers: { authorization: 'Bearer wrong-token-value-123456' } })
    expect(await upstreamCalls()).toBe(before)
  })
})

describe('GET /v1/wechat/access-token', () => {
  test('answers the token with its expiry, no-store, then serves it from memory', async () => {
    const before = await upstreamCalls()
    const first = await call(TOKEN_URL, authorized())
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('no-store')
    const body = await readTokenBody(first)
    // Exactly the token the emulator issued for the configured WeChat app, expiresAt turned
    // from epoch seconds into epoch milliseconds.
    const issued = (await emulator.tokens()).find((t) => t.wechatAppId === env.WECHAT_APP_ID)
    expect(issued).toBeDefined()
    expect(body).toEqual({
      accessToken: issued?.accessToken,
      expiresAt: (issued?.expiresAt ?? 0) * 1000,
    })

    const second = await call(TOKEN_URL, authorized())
    expect(await second.json()).toEqual(body)
    expect(await upstreamCalls()).toBe(before + 1)
  })
})

describe('POST /v1/wechat/access-token/invalidate: bad requests', () => {
  test('answers 413 for a body over 4 KiB', async () => {
    const body = JSON.stringify({ accessToken: 'x'.repeat(5000) })
    const response = await call(INVALIDATE_URL, authorized({ method: 'POST', body }))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: { code: 'payload_too_large' } })
  })

  test('answers 400 for malformed JSON', async () => {
    const response = await call(
      INVALIDATE_URL,
      authorized({ method: 'POST', body: '{"accessToken":' }),
    )
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'malformed_json' } })
  })

  test('answers 400 for JSON of the wrong shape without quoting it', async () => {
    for (const body of [
      '"a-token-as-a-bare-string"',
      '{"accessToken":42}',
      '{"token":"abc"}',
      '{"accessToken":""}',
    ]) {
      const response = await call(INVALIDATE_URL, authorized({ method: 'POST', body }))
      expect(response.status).toBe(400)
      const text = await response.text()
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'invalid_body' } })
      expect(text).not.toContain('a-token-as-a-bare-string')
    }
  })
})
