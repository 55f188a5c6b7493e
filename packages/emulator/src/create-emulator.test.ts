import {
  WechatAccessTokenEnvelopeSchema,
  WechatAccessTokenSuccessSchema,
} from '@authing-edge/types'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { BASE, DEMO_BODY, tokenRequest } from '../test/requests.js'
import { createEmulator } from './create-emulator.js'
import { DEMO_APP } from './demo-app.js'

const T0 = Date.UTC(2026, 0, 1, 8, 0, 0, 123)

async function token(response: Response) {
  expect(response.status).toBe(200)
  return v.parse(WechatAccessTokenSuccessSchema, await response.json()).data
}

describe('createEmulator', () => {
  test('returns the cached WeChat token for the demo app from the current endpoint', async () => {
    const emulator = createEmulator({ startAt: T0 })
    const response = await emulator(tokenRequest())
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const body = v.parse(WechatAccessTokenEnvelopeSchema, await response.json())
    expect(body).toEqual({
      statusCode: 200,
      message: '操作成功',
      data: {
        accessToken: expect.stringMatching(/^1_EMU/),
        expiresAt: String(Math.floor(T0 / 1000) + 7200),
      },
    })
  })

  test('serves the deprecated endpoint from the same server-side cache', async () => {
    const emulator = createEmulator()
    const current = await token(await emulator(tokenRequest()))
    const deprecated = await token(
      await emulator(tokenRequest({ endpoint: 'get-wechat-access-token' })),
    )
    expect(deprecated).toEqual(current)
  })

  test('accepts the GenAuth header x-genauth-app-id', async () => {
    const emulator = createEmulator()
    expect((await token(await emulator(tokenRequest({ genauth: true })))).accessToken).toMatch(
      /^1_EMU/,
    )
  })

  test('returns the same token until 5 minutes before expiry, then a new one', async () => {
    const emulator = createEmulator({ startAt: T0 })
    const first = await token(await emulator(tokenRequest()))
    emulator.clock.advance((7200 - 300) * 1000 - 1_000)
    expect(await token(await emulator(tokenRequest()))).toEqual(first)
    emulator.clock.advance(1_000)
    const renewed = await token(await emulator(tokenRequest()))
    expect(renewed.accessToken).not.toBe(first.accessToken)
    expect(renewed.expiresAt).toBe(String(Math.floor(emulator.clock.now() / 1000) + 7200))
    expect(emulator.tokens.get(DEMO_APP.wechatAppId)?.generation).toBe(2)
  })

  test('follows an injected now()', async () => {
    let now = 1_800_000_000_000
    const emulator = createEmulator({ now: () => now })
    const first = await token(await emulator(tokenRequest()))
    expect(first.expiresAt).toBe('1800007200')
    now += 7200 * 1000
    expect((await token(await emulator(tokenRequest()))).expiresAt).toBe('1800014400')
  })

  test('sends expiresAt as a number when asked to', async () => {
    const emulator = createEmulator({ startAt: T0, expiresAtAs: 'number' })
    expect((await token(await emulator(tokenRequest()))).expiresAt).toBe(
      Math.floor(T0 / 1000) + 7200,
    )
  })

  test('honours custom lifetimes', async () => {
    const emulator = createEmulator({
      startAt: T0,
      tokenLifetimeSeconds: 60,
      renewBeforeSeconds: 10,
    })
    const first = await token(await emulator(tokenRequest()))
    emulator.clock.advance(50_000)
    expect((await token(await emulator(tokenRequest()))).accessToken).not.toBe(first.accessToken)
  })

  test('serves several apps, each WeChat app only to its Authing application', async () => {
    const apps = [
      { appId: 'authing-a', wechatAppId: 'wxA', wechatAppSecret: 'secret-a' },
      { appId: 'authing-b', wechatAppId: 'wxB', wechatAppSecret: 'secret-b' },
    ]
    const emulator = createEmulator({ apps })
    const a = await token(
      await emulator(
        tokenRequest({ appIdHeader: 'authing-a', body: { appId: 'wxA', appSecret: 'secret-a' } }),
      ),
    )
    const b = await token(
      await emulator(
        tokenRequest({ appIdHeader: 'authing-b', body: { appId: 'wxB', appSecret: 'secret-b' } }),
      ),
    )
    expect(a.accessToken).not.toBe(b.accessToken)
    const crossed = await emulator(
      tokenRequest({ appIdHeader: 'authing-a', body: { appId: 'wxB', appSecret: 'secret-b' } }),
    )
    expect(await crossed.json()).toMatchObject({ statusCode: 400, apiCode: 40013 })
    // The demo app is not served once apps are configured.
    expect(await (await emulator(tokenRequest())).json()).toMatchObject({ apiCode: 2011 })
  })

  test('is callable like fetch, with a URL and init, and as a Worker-style fetch method', async () => {
    const emulator = createEmulator()
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-authing-app-id': DEMO_APP.appId },
      body: JSON.stringify(DEMO_BODY),
    }
    const viaUrl = await token(
      await emulator(new URL('/api/v3/get-wechat-access-token-info', BASE), init),
    )
    const viaString = await token(
      await emulator(`${BASE}/api/v3/get-wechat-access-token-info`, init),
    )
    const viaMethod = await token(await emulator.fetch(tokenRequest(), { env: true }, {}))
    expect(viaString).toEqual(viaUrl)
    expect(viaMethod).toEqual(viaUrl)
  })

  test('answers unknown routes and other methods with a NestJS-style 404', async () => {
    const emulator = createEmulator()
    const get = await emulator(`${BASE}/api/v3/get-wechat-access-token-info`)
    expect(get.status).toBe(404)
    expect(await get.json()).toEqual({
      statusCode: 404,
      message: 'Cannot GET /api/v3/get-wechat-access-token-info',
      error: 'Not Found',
    })
    const unknown = await emulator(tokenRequest({ base: `${BASE}/sub` }))
    expect(unknown.status).toBe(404)
    expect(emulator.counts().other).toBe(2)
  })

  test('counts a preflight unless the control API serves its path', async () => {
    const preflight = (path: string) =>
      new Request(`${BASE}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://a.test', 'access-control-request-method': 'POST' },
      })
    const emulator = createEmulator({ cors: true })
    await emulator(preflight('/__emulator'))
    await emulator(preflight('/__emulator/faults'))
    expect(emulator.counts().preflight).toBe(0)
    // Routed as an unknown path, not to the control API, so counted like one.
    await emulator(preflight('/__emulatorX'))
    expect(emulator.counts().preflight).toBe(1)
    expect((await emulator(`${BASE}/__emulatorX`)).status).toBe(404)
    expect(emulator.counts().other).toBe(1)

    const withoutControl = createEmulator({ cors: true, controlApi: false })
    await withoutControl(preflight('/__emulator/faults'))
    expect(withoutControl.counts().preflight).toBe(1)
  })

  test('serves the endpoints below basePath for an appHost with a path', async () => {
    const emulator = createEmulator({ basePath: '/sub' })
    expect((await emulator(tokenRequest({ base: `${BASE}/sub` }))).status).toBe(200)
    expect((await emulator(tokenRequest())).status).toBe(404)
  })

  test('the same seed issues the same tokens', async () => {
    const a = createEmulator({ seed: 7, startAt: T0 })
    const b = createEmulator({ seed: 7, startAt: T0 })
    expect(await token(await a(tokenRequest()))).toEqual(await token(await b(tokenRequest())))
    expect(a.seed()).toBe(7)
  })

  test('rejects invalid options with messages that never quote a secret', () => {
    const secret = 987654321
    const messageOf = (build: () => unknown): string => {
      try {
        build()
      } catch (error) {
        return String(error)
      }
      throw new Error('expected createEmulator to throw')
    }
    const wrongType = messageOf(() =>
      createEmulator({
        // Deliberately wrong: a config read from JSON can hold anything.
        apps: [{ appId: 'a', wechatAppId: 'wx', wechatAppSecret: secret as unknown as string }],
      }),
    )
    expect(wrongType).toMatch(
      /^TypeError: Invalid emulator options: .*wechatAppSecret must be a string/s,
    )
    expect(wrongType).not.toContain(String(secret))
    expect(messageOf(() => createEmulator({ userTokens: [''] }))).toMatch(
      /each user token must not be empty/,
    )
    expect(
      messageOf(() => createEmulator({ tokenLifetimeSeconds: 300, renewBeforeSeconds: 300 })),
    ).toContain('renewBeforeSeconds (300) must be less than tokenLifetimeSeconds (300)')
    expect(messageOf(() => createEmulator({ basePath: 'sub/' }))).toMatch(/basePath must look like/)
  })
})
