// Authing failing: a still-valid cached token is served anyway; without one the Worker answers
// a 502 that says upstream failed, with Authing's requestId when there is one.
import { env, exports } from 'cloudflare:workers'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { callWorker, envWith } from '../test/call-worker.js'
import { emulator, UPSTREAM_ENDPOINT, upstreamCalls } from '../test/emulator-control.js'
import { readTokenBody } from '../test/token-body.js'

const authorization = `Bearer ${env.BROKER_TOKEN}`
let appCounter = 0

/** Bindings for a WeChat app this isolate has never cached a token for. */
function coldApp() {
  appCounter += 1
  return envWith({ WECHAT_APP_ID: `wx-cold-${appCounter}` })
}

beforeEach(async () => {
  await emulator.reset()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('upstream down without a cached token', () => {
  test('answers 502 with the requestId of an Authing business error', async () => {
    await emulator.setFaults([
      { fault: { kind: 'business-error', statusCode: 500, apiCode: 1000 } },
    ])
    const response = await callWorker(coldApp())
    expect(response.status).toBe(502)
    const [request] = await emulator.requests(UPSTREAM_ENDPOINT)
    expect(request?.requestId).toEqual(expect.any(String))
    expect(await response.json()).toEqual({
      error: {
        code: 'upstream_failed',
        message: `Fetching the WeChat access token from Authing failed: AuthingApiError (requestId ${request?.requestId})`,
        requestId: request?.requestId,
        upstream: {
          error: 'AuthingApiError',
          statusCode: 500,
          apiCode: 1000,
          httpStatus: 200,
          requestId: request?.requestId,
        },
      },
    })
  })

  test('answers 502 for a gateway error after the client retried it', async () => {
    await emulator.setFaults([{ fault: { kind: 'http-error', status: 503 } }])
    const response = await callWorker(coldApp())
    expect(response.status).toBe(502)
    expect(await response.json()).toMatchObject({
      error: { code: 'upstream_failed', upstream: { error: 'HttpError', httpStatus: 503 } },
    })
    // One attempt and the client's two retries, all answered by the fault.
    expect(await upstreamCalls()).toBe(3)
  })

  test('answers 502 when nothing listens at the Authing host', async () => {
    const response = await callWorker(envWith({ AUTHING_APP_HOST: env.DEAD_UPSTREAM_URL }))
    expect(response.status).toBe(502)
    const body = await response.json()
    expect(body).toMatchObject({
      error: { code: 'upstream_failed', upstream: { error: 'NetworkError' } },
    })
    expect(body).not.toHaveProperty('error.requestId')
  })
})

describe('upstream down with a cached token', () => {
  test('serves the token from memory and from KV while it is still valid', async () => {
    const get = () =>
      exports.default.fetch(
        new Request('https://broker.test/v1/wechat/access-token', { headers: { authorization } }),
      )
    const cached = await readTokenBody(await get())
    await emulator.setFaults([{ fault: { kind: 'http-error', status: 503 } }])
    const callsBefore = await upstreamCalls()

    // This isolate's memory.
    const fromMemory = await get()
    expect(fromMemory.status).toBe(200)
    expect(await fromMemory.json()).toEqual(cached)

    // Another broker (a new cache in memory, same Authing host once normalised, so the same KV
    // key): what another isolate would do.
    const fromKv = await callWorker(envWith({ AUTHING_APP_HOST: `${env.AUTHING_APP_HOST}/` }))
    expect(fromKv.status).toBe(200)
    expect(await fromKv.json()).toEqual(cached)
    expect(await upstreamCalls()).toBe(callsBefore)
  })
})

describe('upstream down with a cached token close to expiry', () => {
  test('serves it while the background refresh fails, and answers 502 once it has expired', async () => {
    // Only Date is faked (timers stay real): the cache's clock, which it reads when it is built.
    const start = Date.now()
    vi.useFakeTimers({ toFake: ['Date'], now: start })
    const app = { wechatAppId: 'wx-near-expiry', wechatAppSecret: 'near-expiry-app-secret' }
    const { AUTHING_APP_ID: appId, WECHAT_APP_ID: wechatAppId, WECHAT_APP_SECRET: secret } = env
    if (appId === undefined || wechatAppId === undefined || secret === undefined) {
      throw new Error('the demo app is not bound in the tests')
    }
    await emulator.updateSettings({
      apps: [
        { appId, wechatAppId, wechatAppSecret: secret },
        { appId, ...app },
      ],
      // Tokens live 120 s, inside the cache's 5-minute refresh-ahead window from the start.
      tokenLifetimeSeconds: 120,
      renewBeforeSeconds: 0,
    })
    const bindings = envWith({
      WECHAT_APP_ID: app.wechatAppId,
      WECHAT_APP_SECRET: app.wechatAppSecret,
    })
    const token = await readTokenBody(await callWorker(bindings))
    expect(await upstreamCalls()).toBe(1)
    await emulator.setFaults([{ fault: { kind: 'http-error', status: 503 } }])

    // 40 s later: past the cache's 30 s between refreshes, 80 s before the token expires.
    vi.setSystemTime(start + 40_000)
    const stale = await callWorker(bindings)
    expect(stale.status).toBe(200)
    expect(await readTokenBody(stale)).toEqual(token)
    // The refresh ran in the background (ctx.waitUntil) and failed: one attempt, two retries.
    expect(await upstreamCalls()).toBe(4)

    // 95 s later: within 30 s of expiry, the token is no longer served.
    vi.setSystemTime(start + 95_000)
    const expired = await callWorker(bindings)
    expect(expired.status).toBe(502)
    expect(await expired.json()).toMatchObject({
      error: { code: 'upstream_failed', upstream: { error: 'HttpError', httpStatus: 503 } },
    })
  })
})
