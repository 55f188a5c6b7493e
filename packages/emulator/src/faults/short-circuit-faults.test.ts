import { WechatAccessTokenFailureSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { recordingSleep, tokenRequest } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'
import { isEmulatedNetworkError } from '../http/emulated-network-error.js'
import { realSleep } from '../http/sleep.js'
import type { Fault } from './fault-schema.js'

const T0 = Date.UTC(2026, 0, 1)

function withFault(fault: Fault, extra: Parameters<typeof createEmulator>[0] = {}) {
  return createEmulator({ startAt: T0, faults: [{ fault }], ...extra })
}

/** Settles pending work (timers of 0 ms and microtasks) without measuring time. */
const flush = () => new Promise((resolve) => setImmediate(resolve))

describe('faults that replace the answer', () => {
  test('none responds normally', async () => {
    const response = await withFault({ kind: 'none' })(tokenRequest())
    expect(await response.json()).toMatchObject({ statusCode: 200 })
  })

  test('latency waits the given time, then responds normally', async () => {
    const { sleep, waits } = recordingSleep()
    const response = await withFault({ kind: 'latency', ms: 250 }, { sleep })(tokenRequest())
    expect(waits).toEqual([250])
    expect(await response.json()).toMatchObject({ statusCode: 200 })
  })

  test('delayMs delays any fault', async () => {
    const { sleep, waits } = recordingSleep()
    const emulator = withFault({ kind: 'http-error', status: 503, delayMs: 100 }, { sleep })
    expect((await emulator(tokenRequest())).status).toBe(503)
    expect(waits).toEqual([100])
  })

  test('latency ends with the abort reason when the client aborts', async () => {
    const emulator = withFault({ kind: 'latency', ms: 3_600_000 }, { sleep: realSleep })
    const controller = new AbortController()
    const pending = emulator(tokenRequest({ signal: controller.signal }))
    await flush()
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  test('http-error sends a gateway HTML page by default', async () => {
    const response = await withFault({ kind: 'http-error' })(tokenRequest())
    expect(response.status).toBe(502)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toContain('<h1>502 Bad Gateway</h1>')
  })

  test.each([
    [
      'json',
      'application/json; charset=utf-8',
      '{"statusCode":500,"message":"Internal Server Error"}',
    ],
    ['text', 'text/plain', 'Internal Server Error'],
    ['empty', null, ''],
  ] as const)('http-error can send a %s body', async (body, contentType, text) => {
    const response = await withFault({ kind: 'http-error', status: 500, body })(tokenRequest())
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe(contentType)
    expect(await response.text()).toBe(text)
  })

  test.each([
    ['the default of 1 second', {}, '1'],
    ['seconds', { retryAfter: 120 }, '120'],
    [
      'an HTTP date',
      { retryAfter: 30, retryAfterFormat: 'http-date' },
      new Date(T0 + 30_000).toUTCString(),
    ],
    ['an absurd value', { retryAfter: '99999999999999999999' }, '99999999999999999999'],
  ] as const)(
    'rate-limit sends HTTP 429 with Retry-After as %s',
    async (_label, options, header) => {
      const response = await withFault({ kind: 'rate-limit', ...options })(tokenRequest())
      expect(response.status).toBe(429)
      expect(response.headers.get('retry-after')).toBe(header)
      expect(await response.json()).toEqual({
        statusCode: 429,
        message: 'ThrottlerException: Too Many Requests',
      })
    },
  )

  test('rate-limit can leave Retry-After out', async () => {
    const response = await withFault({ kind: 'rate-limit', retryAfter: false })(tokenRequest())
    expect(response.status).toBe(429)
    expect(response.headers.has('retry-after')).toBe(false)
  })

  test('reset rejects like fetch does on a dropped connection', async () => {
    const emulator = withFault({ kind: 'reset' })
    const error = await emulator(tokenRequest()).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(TypeError)
    expect(error).toMatchObject({ message: 'fetch failed', cause: { code: 'ECONNRESET' } })
    expect(isEmulatedNetworkError(error)).toBe(true)
    expect(emulator.requests()[0]?.outcome).toEqual({ result: 'fault', status: 0, fault: 'reset' })
  })

  test('hang never answers until the client aborts', async () => {
    const emulator = withFault({ kind: 'hang' })
    const controller = new AbortController()
    let settled = false
    const pending = emulator(tokenRequest({ signal: controller.signal })).finally(() => {
      settled = true
    })
    await flush()
    await flush()
    expect(settled).toBe(false)
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  test('hang ends with a connection reset when the emulator resets', async () => {
    const emulator = withFault({ kind: 'hang' })
    const pending = emulator(tokenRequest()).catch((caught: unknown) => caught)
    await flush()
    emulator.reset()
    expect(isEmulatedNetworkError(await pending)).toBe(true)
  })

  test('malformed-json sends HTTP 200 with a JSON content type and a body that is not JSON', async () => {
    const response = await withFault({ kind: 'malformed-json' })(tokenRequest())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const text = await response.text()
    expect(() => JSON.parse(text)).toThrow(SyntaxError)
    const custom = await withFault({ kind: 'malformed-json', body: '<oops>' })(tokenRequest())
    expect(await custom.text()).toBe('<oops>')
  })

  test('redirect points to another host by default', async () => {
    const response = await withFault({ kind: 'redirect' })(tokenRequest())
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(
      'https://redirected.example.com/api/v3/get-wechat-access-token-info',
    )
    const custom = await withFault({ kind: 'redirect', status: 307, location: 'http://x.test/' })(
      tokenRequest(),
    )
    expect(custom.status).toBe(307)
    expect(custom.headers.get('location')).toBe('http://x.test/')
  })

  test('business-error sends an envelope with HTTP 200', async () => {
    const response = await withFault({ kind: 'business-error' })(tokenRequest())
    expect(response.status).toBe(200)
    const body = v.parse(WechatAccessTokenFailureSchema, await response.json())
    expect(body).toMatchObject({ statusCode: 500, apiCode: 1000 })
    const custom = await withFault({
      kind: 'business-error',
      statusCode: 403,
      apiCode: 1001,
      message: 'no permission',
    })(tokenRequest())
    expect(await custom.json()).toMatchObject({
      statusCode: 403,
      apiCode: 1001,
      message: 'no permission',
    })
  })
})

describe('fault rules through the handler', () => {
  test('fail twice, then succeed', async () => {
    const emulator = createEmulator({
      faults: [{ fault: { kind: 'http-error', status: 503 }, times: 2 }],
    })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await emulator(tokenRequest())).status)
    expect(statuses).toEqual([503, 503, 200])
    expect(emulator.requests().map((entry) => entry.outcome.result)).toEqual([
      'fault',
      'fault',
      'success',
    ])
  })

  test('a sequence mixes faults and normal answers, per endpoint', async () => {
    const emulator = createEmulator()
    emulator.faults.add({
      endpoint: 'get-wechat-access-token',
      sequence: [{ kind: 'rate-limit' }, { kind: 'none' }, { kind: 'http-error' }],
    })
    const deprecated = async () =>
      (await emulator(tokenRequest({ endpoint: 'get-wechat-access-token' }))).status
    expect((await emulator(tokenRequest())).status).toBe(200)
    expect([
      await deprecated(),
      await deprecated(),
      await deprecated(),
      await deprecated(),
    ]).toEqual([429, 200, 502, 200])
  })

  test('a seeded fault rate fails about 5% of requests, the same ones for the same seed', async () => {
    const run = async () => {
      const emulator = createEmulator({
        seed: 2026,
        faults: [{ fault: { kind: 'http-error', status: 503 }, probability: 0.05 }],
      })
      const statuses: number[] = []
      for (let i = 0; i < 2_000; i++) statuses.push((await emulator(tokenRequest())).status)
      return statuses
    }
    const first = await run()
    const failed = first.filter((status) => status === 503).length
    expect(failed).toBeGreaterThan(60)
    expect(failed).toBeLessThan(140)
    expect(first.filter((status) => status !== 503 && status !== 200)).toEqual([])
    expect(await run()).toEqual(first)
  })
})
