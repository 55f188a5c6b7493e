import { WechatAccessTokenSuccessSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { recordingSleep, tokenRequest } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'
import type { EmulatorOptions } from '../emulator-options.js'
import type { Fault } from './fault-schema.js'

const T0 = Date.UTC(2026, 0, 1)
const JsonObject = v.record(v.string(), v.unknown())
const EXPIRES = Math.floor(T0 / 1000) + 7200

function withFault(fault: Fault, extra: EmulatorOptions = {}) {
  return createEmulator({ startAt: T0, seed: 1, faults: [{ fault }], ...extra })
}

async function normalText(): Promise<string> {
  return (await createEmulator({ startAt: T0, seed: 1 })(tokenRequest())).text()
}

/** The normal body's bytes: lengths and cuts are in bytes ("操作成功" is 12 of them). */
async function normalBytes(): Promise<Uint8Array> {
  return new TextEncoder().encode(await normalText())
}

async function readChunks(response: Response): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  const reader = response.body?.getReader()
  if (!reader) throw new Error('expected a body')
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return chunks
    chunks.push(value)
  }
}

describe('faults that change the body', () => {
  test('truncated sends the first half of the normal body', async () => {
    const full = await normalBytes()
    const response = await withFault({ kind: 'truncated' })(tokenRequest())
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(bytes).toEqual(full.slice(0, Math.floor(full.length / 2)))
    expect(response.headers.get('content-length')).toBe(String(bytes.length))
    expect(() => JSON.parse(new TextDecoder().decode(bytes))).toThrow(SyntaxError)
  })

  test('truncated with abort declares the full length and fails mid-body like undici', async () => {
    const full = await normalBytes()
    const response = await withFault({ kind: 'truncated', abort: true })(tokenRequest())
    expect(response.headers.get('content-length')).toBe(String(full.length))
    await expect(response.text()).rejects.toThrow('terminated')
  })

  test.each([
    ['statusCode', { statusCode: '200' }],
    ['message', { message: 12345 }],
    ['apiCode', { apiCode: '1000' }],
    ['requestId', { requestId: 42 }],
    ['data', { data: 'data-should-be-an-object' }],
    ['accessToken', { data: { accessToken: 1234567890, expiresAt: String(EXPIRES) } }],
    ['expiresAt', { data: { accessToken: expect.any(String), expiresAt: true } }],
  ] as const)('wrong-types breaks the type of %s', async (field, expected) => {
    const response = await withFault({ kind: 'wrong-types', field })(tokenRequest())
    const body = await response.json()
    expect(body).toMatchObject(expected)
    expect(v.safeParse(WechatAccessTokenSuccessSchema, body).success).toBe(false)
  })

  test('wrong-types defaults to a numeric accessToken', async () => {
    const body = await (await withFault({ kind: 'wrong-types' })(tokenRequest())).json()
    expect(body).toMatchObject({ data: { accessToken: 1234567890 } })
  })

  test('wrong-types leaves data alone on a business error', async () => {
    const emulator = withFault({ kind: 'wrong-types', field: 'accessToken' })
    const body = await (await emulator(tokenRequest({ appIdHeader: null }))).json()
    expect(body).toMatchObject({ statusCode: 400, apiCode: 2010 })
    expect(body).not.toHaveProperty('data')
  })

  test('content-type sends the normal JSON with a non-JSON content type', async () => {
    const response = await withFault({ kind: 'content-type' })(tokenRequest())
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await response.text()).toBe(await normalText())
    const custom = await withFault({ kind: 'content-type', contentType: 'text/plain' })(
      tokenRequest(),
    )
    expect(custom.headers.get('content-type')).toBe('text/plain')
  })

  test('huge-body pads the normal envelope to the requested size', async () => {
    const response = await withFault({ kind: 'huge-body', bytes: 200_000 })(tokenRequest())
    expect(response.headers.get('content-length')).toBe('200000')
    const bytes = await response.arrayBuffer()
    expect(bytes.byteLength).toBe(200_000)
    const body = v.parse(
      WechatAccessTokenSuccessSchema,
      JSON.parse(new TextDecoder().decode(bytes)),
    )
    expect(body.padding).toMatch(/^x+$/)
  })

  test('huge-body defaults to 8 MiB, streamed in chunks', async () => {
    const response = await withFault({ kind: 'huge-body' })(tokenRequest())
    expect(response.headers.get('content-length')).toBe(String(8 * 1024 * 1024))
    const chunks = await readChunks(response)
    expect(chunks.length).toBeGreaterThan(100)
    expect(chunks.reduce((sum, chunk) => sum + chunk.length, 0)).toBe(8 * 1024 * 1024)
  })

  test('slow-drip trickles the normal body in small chunks with pauses', async () => {
    const full = await normalBytes()
    const { sleep, waits } = recordingSleep()
    const emulator = withFault({ kind: 'slow-drip', chunkBytes: 10, intervalMs: 50 }, { sleep })
    const chunks = await readChunks(await emulator(tokenRequest()))
    const expectedChunks = Math.ceil(full.length / 10)
    expect(chunks).toHaveLength(expectedChunks)
    expect(chunks.every((chunk) => chunk.length <= 10)).toBe(true)
    expect(waits).toEqual(Array(expectedChunks - 1).fill(50))
    expect(new Uint8Array(Buffer.concat(chunks))).toEqual(full)
  })

  test('slow-drip stops when the reader cancels', async () => {
    const { sleep, waits } = recordingSleep()
    const emulator = withFault({ kind: 'slow-drip', chunkBytes: 1 }, { sleep })
    const reader = (await emulator(tokenRequest())).body?.getReader()
    await reader?.read()
    await reader?.cancel()
    expect(waits.length).toBeLessThan(3)
  })

  test.each([
    [
      'missing',
      undefined,
      (body: Record<string, unknown>) => expect(body).not.toHaveProperty('data'),
    ],
    ['empty', 'empty', (body: Record<string, unknown>) => expect(body.data).toEqual({})],
    ['null', 'null', (body: Record<string, unknown>) => expect(body.data).toBeNull()],
  ] as const)('missing-data sends a success with data %s', async (_label, data, check) => {
    const fault: Fault = data ? { kind: 'missing-data', data } : { kind: 'missing-data' }
    const body = v.parse(JsonObject, await (await withFault(fault)(tokenRequest())).json())
    expect(body).toMatchObject({ statusCode: 200, message: '操作成功' })
    check(body)
  })

  test('extra-fields adds unknown fields that a lenient client still accepts', async () => {
    const body = v.parse(
      WechatAccessTokenSuccessSchema,
      await (await withFault({ kind: 'extra-fields' })(tokenRequest())).json(),
    )
    expect(body).toMatchObject({
      traceId: 'emulator-extra-field',
      data: { scope: 'snsapi_base', refreshedBy: 'emulator' },
    })
    const custom = await withFault({ kind: 'extra-fields', envelope: { a: 1 }, data: { b: 2 } })(
      tokenRequest(),
    )
    expect(await custom.json()).toMatchObject({ a: 1, data: { b: 2 } })
  })

  test.each([
    ['seconds-string', String(EXPIRES)],
    ['seconds-number', EXPIRES],
    ['milliseconds-string', String(EXPIRES * 1000)],
    ['milliseconds-number', EXPIRES * 1000],
  ] as const)('expires-at can send expiresAt as %s', async (format, expected) => {
    const body = await (await withFault({ kind: 'expires-at', format })(tokenRequest())).json()
    expect(body).toMatchObject({ data: { expiresAt: expected } })
  })
})
