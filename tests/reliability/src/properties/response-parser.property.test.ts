import { AuthenticationClient, isAuthingError, isResponseValidationError } from '@authing-edge/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
  brokenFailure,
  brokenSuccess,
  nonObjectBody,
  validFailure,
  validSuccess,
} from './envelope-arbitraries.ts'
import { judgeEnvelope } from './envelope-oracle.ts'

/** What the injected fetch answers next: bytes or text, always HTTP 200 with a JSON type. */
let nextBody: string | Uint8Array = ''

const client = new AuthenticationClient({
  appId: 'property-app',
  appHost: 'https://example.authing.cn',
  retry: 0,
  fetch: async () =>
    new Response(nextBody, { status: 200, headers: { 'content-type': 'application/json' } }),
})

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

/** Sends one request through the public client and reports how it ended. */
async function parse(body: string | Uint8Array): Promise<Outcome> {
  nextBody = body
  try {
    const value = await client.getWechatMpAccessTokenInfo({ appId: 'wx1', appSecret: 's' })
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error }
  }
}

const RUNS = { numRuns: 400 }

describe('the response parser, driven through AuthenticationClient with an injected fetch', () => {
  test('accepts every valid success envelope and returns it exactly as sent, unknown fields included', async () => {
    await fc.assert(
      fc.asyncProperty(validSuccess, async (envelope) => {
        const text = JSON.stringify(envelope)
        const outcome = await parse(text)
        expect(outcome).toEqual({ ok: true, value: JSON.parse(text) })
      }),
      RUNS,
    )
  })

  test('accepts every valid business-error envelope (throwOnApiError off) as sent', async () => {
    await fc.assert(
      fc.asyncProperty(validFailure, async (envelope) => {
        const text = JSON.stringify(envelope)
        expect(await parse(text)).toEqual({ ok: true, value: JSON.parse(text) })
      }),
      RUNS,
    )
  })

  test('rejects an envelope broken by any single change, with ResponseValidationError only', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(brokenSuccess, brokenFailure), async (envelope) => {
        const text = JSON.stringify(envelope)
        expect(judgeEnvelope(JSON.parse(text))).toBe('invalid')
        const outcome = await parse(text)
        expect(outcome.ok).toBe(false)
        if (!outcome.ok) expect(isResponseValidationError(outcome.error)).toBe(true)
      }),
      RUNS,
    )
  })

  test('rejects any body that is not a JSON object, with ResponseValidationError only', async () => {
    await fc.assert(
      fc.asyncProperty(nonObjectBody, async (body) => {
        const outcome = await parse(body)
        expect(outcome.ok).toBe(false)
        if (!outcome.ok) expect(isResponseValidationError(outcome.error)).toBe(true)
      }),
      RUNS,
    )
  })

  test('on arbitrary JSON it accepts exactly what the contract accepts and fails only with ResponseValidationError', async () => {
    const anyJson = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          statusCode: fc.constantFrom(200, 400, 200.5, '200'),
          message: fc.jsonValue(),
          data: fc.jsonValue(),
        },
        { requiredKeys: [] },
      ),
      fc.record({
        statusCode: fc.constant(200),
        message: fc.string(),
        data: fc.record(
          { accessToken: fc.jsonValue(), expiresAt: fc.jsonValue() },
          { requiredKeys: [] },
        ),
      }),
    )
    await fc.assert(
      fc.asyncProperty(anyJson, async (value) => {
        const text = JSON.stringify(value) ?? 'null'
        const json: unknown = JSON.parse(text)
        const verdict = judgeEnvelope(json)
        const outcome = await parse(text)
        if (outcome.ok) {
          expect(verdict).not.toBe('invalid')
          expect(outcome.value).toEqual(json)
        } else {
          expect(verdict).not.toBe('valid')
          expect(isResponseValidationError(outcome.error)).toBe(true)
        }
      }),
      { numRuns: 1000 },
    )
  })

  test('drops __proto__, prototype and constructor fields instead of letting them reach a prototype', async () => {
    const text =
      '{"statusCode":200,"message":"ok","__proto__":{"polluted":true},"prototype":1,"constructor":2,' +
      '"data":{"accessToken":"t","expiresAt":1,"__proto__":{"polluted":true},"constructor":{"x":1}}}'
    const outcome = await parse(text)
    expect(outcome).toEqual({
      ok: true,
      value: { statusCode: 200, message: 'ok', data: { accessToken: 't', expiresAt: 1 } },
    })
    if (!outcome.ok) return
    expect(Object.getPrototypeOf(outcome.value)).toBe(Object.prototype)
    expect(Reflect.get(Object(outcome.value), 'polluted')).toBeUndefined()
    expect(Reflect.get({}, 'polluted')).toBeUndefined()
  })

  test('every rejection is a typed authing-edge error that says which request failed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          brokenSuccess.map((e) => JSON.stringify(e)),
          nonObjectBody,
        ),
        async (body) => {
          const outcome = await parse(body)
          if (outcome.ok) return
          expect(isAuthingError(outcome.error)).toBe(true)
          expect(String(outcome.error)).toContain(
            'POST https://example.authing.cn/api/v3/get-wechat-access-token-info',
          )
        },
      ),
      { numRuns: 200 },
    )
  })
})
