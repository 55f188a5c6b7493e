import { WechatAccessTokenSuccessSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { BASE, tokenRequest } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'
import { DEMO_APP } from '../demo-app.js'

const T0 = Date.UTC(2026, 0, 1)

/** The token a successful answer carries. */
async function accessToken(response: Response): Promise<string> {
  return v.parse(WechatAccessTokenSuccessSchema, await response.json()).data.accessToken
}

function control(
  emulator: ReturnType<typeof createEmulator>,
  method: string,
  path: string,
  body?: unknown,
) {
  return emulator(`${BASE}/__emulator${path}`, {
    method,
    ...(body === undefined
      ? {}
      : {
          body: typeof body === 'string' ? body : JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        }),
  })
}

describe('the control API', () => {
  test('lists its routes and answers a health check', async () => {
    const emulator = createEmulator()
    const index = await (await control(emulator, 'GET', '')).json()
    expect(index).toMatchObject({ routes: expect.arrayContaining(['/__emulator/faults']) })
    expect(await (await control(emulator, 'GET', '/health')).json()).toEqual({ ok: true })
  })

  test('adds, lists, replaces and removes fault rules', async () => {
    const emulator = createEmulator()
    const added = await (
      await control(emulator, 'POST', '/faults', [
        { id: 'twice', fault: { kind: 'http-error', status: 503 }, times: 2 },
        { fault: { kind: 'reset' }, endpoint: 'get-wechat-access-token' },
      ])
    ).json()
    expect(added).toEqual({ ids: ['twice', expect.stringMatching(/^fault-/)] })
    expect((await emulator(tokenRequest())).status).toBe(503)
    const listed = await (await control(emulator, 'GET', '/faults')).json()
    expect(listed).toMatchObject({ faults: [{ id: 'twice', remaining: 1, fired: 1 }, {}] })
    expect((await control(emulator, 'DELETE', '/faults/twice')).status).toBe(200)
    expect((await control(emulator, 'DELETE', '/faults/twice')).status).toBe(404)
    expect((await emulator(tokenRequest())).status).toBe(200)
    await control(emulator, 'PUT', '/faults', { fault: { kind: 'http-error', status: 500 } })
    expect((await emulator(tokenRequest())).status).toBe(500)
    await control(emulator, 'DELETE', '/faults')
    expect((await emulator(tokenRequest())).status).toBe(200)
  })

  test('rejects invalid fault rules with HTTP 400 and says why', async () => {
    const emulator = createEmulator()
    const response = await control(emulator, 'POST', '/faults', { fault: { kind: 'explode' } })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/a fault needs a known "kind"/),
    })
    const notJson = await control(emulator, 'POST', '/faults', '{nope')
    expect(await notJson.json()).toEqual({ error: 'The body is not valid JSON' })
    expect(emulator.faults.list()).toEqual([])
  })

  test('reads, advances, sets and freezes the clock', async () => {
    const emulator = createEmulator({ startAt: T0 })
    expect(await (await control(emulator, 'GET', '/clock')).json()).toEqual({
      now: T0,
      nowSeconds: T0 / 1000,
      frozen: true,
    })
    const advanced = await control(emulator, 'POST', '/clock', { advanceSeconds: 7200 })
    expect(await advanced.json()).toMatchObject({ now: T0 + 7_200_000 })
    await control(emulator, 'POST', '/clock', { advanceMs: 5 })
    expect(emulator.clock.now()).toBe(T0 + 7_200_005)
    await control(emulator, 'POST', '/clock', { setMs: 1_000 })
    expect(emulator.clock.now()).toBe(1_000)
    const running = await (await control(emulator, 'POST', '/clock', { frozen: false })).json()
    expect(running).toMatchObject({ frozen: false })
    const bad = await control(emulator, 'POST', '/clock', { advance: 1 })
    expect(bad.status).toBe(400)
  })

  test('moving the clock renews the served token', async () => {
    const emulator = createEmulator({ startAt: T0 })
    const first = await accessToken(await emulator(tokenRequest()))
    await control(emulator, 'POST', '/clock', { advanceSeconds: 7200 - 300 - 1 })
    expect(await accessToken(await emulator(tokenRequest()))).toBe(first)
    await control(emulator, 'POST', '/clock', { advanceSeconds: 1 })
    expect(await accessToken(await emulator(tokenRequest()))).not.toBe(first)
  })

  test('reads the request record and counts, filtered by endpoint, and clears them', async () => {
    const emulator = createEmulator()
    await emulator(tokenRequest())
    await emulator(tokenRequest({ endpoint: 'get-wechat-access-token' }))
    const all = await (await control(emulator, 'GET', '/requests')).text()
    expect(JSON.parse(all)).toMatchObject({ requests: [{ seq: 1 }, { seq: 2 }] })
    expect(all).not.toContain(DEMO_APP.wechatAppSecret)
    const filtered = await (
      await control(emulator, 'GET', '/requests?endpoint=get-wechat-access-token')
    ).json()
    expect(filtered).toMatchObject({ requests: [{ seq: 2, endpoint: 'get-wechat-access-token' }] })
    expect((await control(emulator, 'GET', '/requests?endpoint=nope')).status).toBe(400)
    expect(await (await control(emulator, 'GET', '/counts')).json()).toEqual({
      'get-wechat-access-token-info': 1,
      'get-wechat-access-token': 1,
      preflight: 0,
      other: 0,
    })
    await control(emulator, 'DELETE', '/requests')
    expect(emulator.requests()).toEqual([])
  })

  test('control calls are neither recorded, counted nor faulted', async () => {
    const emulator = createEmulator({ faults: [{ fault: { kind: 'reset' } }] })
    expect((await control(emulator, 'GET', '/counts')).status).toBe(200)
    expect(emulator.requests()).toEqual([])
  })

  test('lists and invalidates cached tokens', async () => {
    const emulator = createEmulator({ startAt: T0 })
    const first = await accessToken(await emulator(tokenRequest()))
    const tokens = await (await control(emulator, 'GET', '/tokens')).json()
    expect(tokens).toEqual({
      tokens: [
        {
          wechatAppId: DEMO_APP.wechatAppId,
          accessToken: first,
          expiresAt: T0 / 1000 + 7200,
          issuedAt: T0,
          generation: 1,
        },
      ],
    })
    const one = await control(emulator, 'DELETE', `/tokens/${DEMO_APP.wechatAppId}`)
    expect(await one.json()).toEqual({ invalidated: 1 })
    expect(await accessToken(await emulator(tokenRequest()))).not.toBe(first)
    expect(await (await control(emulator, 'DELETE', '/tokens')).json()).toEqual({ invalidated: 1 })
  })

  test('reads settings with secrets redacted and changes them', async () => {
    const emulator = createEmulator()
    const settings = await (await control(emulator, 'GET', '/settings')).json()
    expect(settings).toEqual({
      apps: [{ ...DEMO_APP, wechatAppSecret: '[REDACTED]' }],
      userTokens: ['[REDACTED]'],
      requireUserToken: false,
      expiresAtAs: 'string',
      tokenLifetimeSeconds: 7200,
      renewBeforeSeconds: 300,
      rateLimit: null,
    })
    const patched = await control(emulator, 'PATCH', '/settings', {
      expiresAtAs: 'number',
      rateLimit: { limit: 5, windowMs: 1000 },
    })
    expect(await patched.json()).toMatchObject({
      expiresAtAs: 'number',
      rateLimit: { limit: 5, windowMs: 1000 },
    })
    const body = await (await emulator(tokenRequest())).json()
    expect(body).toMatchObject({ data: { expiresAt: expect.any(Number) } })
    const invalid = await control(emulator, 'PATCH', '/settings', { renewBeforeSeconds: 99_999 })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toEqual({ error: expect.stringMatching(/renewBeforeSeconds/) })
    const unknown = await control(emulator, 'PATCH', '/settings', { colour: 'blue' })
    expect(unknown.status).toBe(400)
  })

  test('reset puts everything back', async () => {
    const emulator = createEmulator({ startAt: T0 })
    await emulator(tokenRequest())
    await control(emulator, 'POST', '/clock', { advanceMs: 10 })
    expect(await (await control(emulator, 'POST', '/reset')).json()).toEqual({ ok: true })
    expect(emulator.clock.now()).toBe(T0)
    expect(emulator.requests()).toEqual([])
  })

  test('answers unknown routes with 404 and wrong methods with 405', async () => {
    const emulator = createEmulator()
    expect((await control(emulator, 'GET', '/nope')).status).toBe(404)
    const wrong = await control(emulator, 'PUT', '/clock')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET, POST')
  })

  test('answers an id that is not valid percent-encoding with 404, not a thrown URIError', async () => {
    const emulator = createEmulator()
    const response = await control(emulator, 'DELETE', '/tokens/%')
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ error: 'No control route /__emulator/tokens/%' })
  })

  test('can be turned off: its paths are then unknown routes', async () => {
    const emulator = createEmulator({ controlApi: false })
    const response = await control(emulator, 'POST', '/reset')
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ message: 'Cannot POST /__emulator/reset' })
    expect(emulator.counts().other).toBe(1)
  })
})
