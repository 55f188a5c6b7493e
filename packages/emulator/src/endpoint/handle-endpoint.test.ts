import { WechatAccessTokenSuccessSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { DEMO_BODY, tokenRequest } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'
import { DEMO_APP, DEMO_USER_ACCESS_TOKEN } from '../demo-app.js'
import { REDACTED } from '../state/redact.js'
import type { RecordedRequest } from '../state/request-record.js'

const T0 = Date.UTC(2026, 0, 1)

describe('rate limiting', () => {
  test('throttles an app with HTTP 429, Retry-After and the upstream 429 body', async () => {
    const emulator = createEmulator({ startAt: T0, rateLimit: { limit: 2, windowMs: 60_000 } })
    expect((await emulator(tokenRequest())).status).toBe(200)
    emulator.clock.advance(15_000)
    expect((await emulator(tokenRequest({ endpoint: 'get-wechat-access-token' }))).status).toBe(200)
    const throttled = await emulator(tokenRequest())
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('45')
    expect(await throttled.json()).toEqual({
      statusCode: 429,
      message: 'ThrottlerException: Too Many Requests',
    })
    expect(emulator.requests().at(-1)?.outcome).toEqual({
      result: 'rate-limited',
      status: 429,
      statusCode: 429,
    })
  })

  test('counts each Authing app on its own and opens again after the window', async () => {
    const apps = [DEMO_APP, { appId: 'other', wechatAppId: 'wx2', wechatAppSecret: 'other-secret' }]
    const emulator = createEmulator({ apps, startAt: T0, rateLimit: { limit: 1, windowMs: 1_000 } })
    expect((await emulator(tokenRequest())).status).toBe(200)
    expect((await emulator(tokenRequest())).status).toBe(429)
    const other = tokenRequest({
      appIdHeader: 'other',
      body: { appId: 'wx2', appSecret: 'other-secret' },
    })
    expect((await emulator(other)).status).toBe(200)
    emulator.clock.advance(1_000)
    expect((await emulator(tokenRequest())).status).toBe(200)
  })

  test('can be turned on and off at run time', async () => {
    const emulator = createEmulator({ startAt: T0 })
    emulator.updateSettings({ rateLimit: { limit: 1, windowMs: 1_000 } })
    await emulator(tokenRequest())
    expect((await emulator(tokenRequest())).status).toBe(429)
    emulator.updateSettings({ rateLimit: false })
    expect((await emulator(tokenRequest())).status).toBe(200)
  })
})

describe('the request record', () => {
  test('records each request with secrets redacted and its outcome', async () => {
    const emulator = createEmulator({ startAt: T0, requireUserToken: true })
    await emulator(tokenRequest({ authorization: `Bearer ${DEMO_USER_ACCESS_TOKEN}` }))
    await emulator(
      tokenRequest({
        endpoint: 'get-wechat-access-token',
        rawBody: `{"appId":"wx","appSecret":"${DEMO_APP.wechatAppSecret}`,
        authorization: DEMO_USER_ACCESS_TOKEN,
      }),
    )
    const [first, second] = emulator.requests()
    expect(first).toEqual({
      seq: 1,
      requestId: expect.any(String),
      receivedAt: T0,
      method: 'POST',
      path: '/api/v3/get-wechat-access-token-info',
      endpoint: 'get-wechat-access-token-info',
      headers: {
        'content-type': 'application/json',
        'x-authing-app-id': DEMO_APP.appId,
        authorization: `Bearer ${REDACTED}`,
      },
      appId: DEMO_APP.appId,
      authorization: 'bearer',
      body: { appId: DEMO_APP.wechatAppId, appSecret: REDACTED },
      outcome: { result: 'success', status: 200, statusCode: 200 },
    } satisfies RecordedRequest)
    expect(second).toMatchObject({
      seq: 2,
      endpoint: 'get-wechat-access-token',
      authorization: 'raw',
      headers: { authorization: REDACTED },
      bodyText: `{"appId":"wx","appSecret":"${REDACTED}"`,
      outcome: { result: 'business-error', status: 200, statusCode: 400, apiCode: 1400 },
    })
    const printed = JSON.stringify(emulator.requests())
    expect(printed).not.toContain(DEMO_APP.wechatAppSecret)
    expect(printed).not.toContain(DEMO_USER_ACCESS_TOKEN)
  })

  test('counts requests per endpoint, preflights and unknown routes apart', async () => {
    const emulator = createEmulator({ cors: true })
    await emulator(tokenRequest())
    await emulator(tokenRequest())
    await emulator(tokenRequest({ endpoint: 'get-wechat-access-token' }))
    await emulator('http://emulator.test/nope')
    await emulator('http://emulator.test/api/v3/get-wechat-access-token-info', {
      method: 'OPTIONS',
      headers: { origin: 'http://a.test', 'access-control-request-method': 'POST' },
    })
    expect(emulator.counts()).toEqual({
      'get-wechat-access-token-info': 2,
      'get-wechat-access-token': 1,
      preflight: 1,
      other: 1,
    })
    emulator.clearRequests()
    expect(emulator.requests()).toEqual([])
    expect(emulator.counts()['get-wechat-access-token-info']).toBe(0)
  })

  test('keeps only the latest maxRecordedRequests entries but counts them all', async () => {
    const emulator = createEmulator({ maxRecordedRequests: 2 })
    for (let i = 0; i < 5; i++) await emulator(tokenRequest())
    expect(emulator.requests().map((entry) => entry.seq)).toEqual([4, 5])
    expect(emulator.counts()['get-wechat-access-token-info']).toBe(5)
  })

  test('calls onRequest with each settled entry', async () => {
    const seen: RecordedRequest[] = []
    const emulator = createEmulator({ onRequest: (entry) => seen.push(entry) })
    await emulator(tokenRequest({ body: { ...DEMO_BODY, appSecret: 'bad' } }))
    expect(seen).toHaveLength(1)
    expect(seen[0]?.outcome).toEqual({
      result: 'business-error',
      status: 200,
      statusCode: 400,
      apiCode: 40125,
    })
    expect(seen[0]?.body).toEqual({ appId: DEMO_APP.wechatAppId, appSecret: REDACTED })
  })
})

test('a throwing onRequest listener does not change the answer', async () => {
  const emulator = createEmulator({
    onRequest: () => {
      throw new Error('listener failed')
    },
  })
  expect((await emulator(tokenRequest())).status).toBe(200)
  expect((await emulator('http://emulator.test/nope')).status).toBe(404)
})

describe('reset', () => {
  test('restores settings, clock, tokens, rate limits, record and configured faults', async () => {
    const emulator = createEmulator({
      startAt: T0,
      rateLimit: { limit: 1, windowMs: 60_000 },
      faults: [{ fault: { kind: 'http-error', status: 503 }, times: 1 }],
    })
    expect((await emulator(tokenRequest())).status).toBe(503)
    const first = v.parse(
      WechatAccessTokenSuccessSchema,
      await (await emulator(tokenRequest())).json(),
    )
    emulator.updateSettings({ expiresAtAs: 'number' })
    emulator.clock.advance(5_000)
    emulator.faults.clear()
    emulator.reset()
    expect(emulator.clock.now()).toBe(T0)
    expect(emulator.settings().expiresAtAs).toBe('string')
    expect(emulator.requests()).toEqual([])
    expect(emulator.tokens.list()).toEqual([])
    expect((await emulator(tokenRequest())).status).toBe(503)
    const again = v.parse(
      WechatAccessTokenSuccessSchema,
      await (await emulator(tokenRequest())).json(),
    )
    expect(again.data.accessToken).not.toBe(first.data.accessToken)
    expect((await emulator(tokenRequest())).status).toBe(429)
  })
})
