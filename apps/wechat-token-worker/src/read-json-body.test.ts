import { describe, expect, test } from 'vitest'
import { MAX_BODY_BYTES, readJsonBody } from './read-json-body.js'

function post(body: BodyInit | null, headers: HeadersInit = {}): Request {
  return new Request('https://broker.test/', { method: 'POST', body, headers })
}

/** A body streamed in chunks, so no Content-Length announces its size. */
function streamed(text: string, chunkSize: number): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text)
  let offset = 0
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close()
      controller.enqueue(bytes.slice(offset, offset + chunkSize))
      offset += chunkSize
    },
  })
}

async function errorOf(result: Awaited<ReturnType<typeof readJsonBody>>) {
  if (result.ok) throw new Error('expected an error response')
  return { status: result.response.status, body: await result.response.json() }
}

describe('readJsonBody', () => {
  test('parses a small JSON body', async () => {
    const result = await readJsonBody(post('{"accessToken":"abc"}'))
    expect(result).toEqual({ ok: true, value: { accessToken: 'abc' } })
  })

  test('answers 413 when Content-Length announces more than the limit', async () => {
    const result = await readJsonBody(post('x'.repeat(MAX_BODY_BYTES + 1)))
    expect(await errorOf(result)).toEqual({
      status: 413,
      body: {
        error: {
          code: 'payload_too_large',
          message: `The request body exceeds ${MAX_BODY_BYTES} bytes`,
        },
      },
    })
  })

  test('answers 413 for a streamed body that grows past the limit', async () => {
    const json = JSON.stringify({ accessToken: 'y'.repeat(200) })
    const result = await readJsonBody(post(streamed(json, 64)), 100)
    expect((await errorOf(result)).status).toBe(413)
  })

  test('reads a streamed body within the limit', async () => {
    const json = JSON.stringify({ accessToken: 'z'.repeat(50) })
    expect(await readJsonBody(post(streamed(json, 16)), 100)).toEqual({
      ok: true,
      value: { accessToken: 'z'.repeat(50) },
    })
  })

  test('answers 400 for malformed JSON without quoting it', async () => {
    const result = await readJsonBody(post('{"accessToken": "secret-ish-value"'))
    const { status, body } = await errorOf(result)
    expect(status).toBe(400)
    expect(body).toEqual({
      error: { code: 'malformed_json', message: 'The request body is not valid JSON' },
    })
  })

  test('answers 400 for an empty body and for bytes that are not UTF-8', async () => {
    expect((await errorOf(await readJsonBody(post(null)))).status).toBe(400)
    const invalidUtf8 = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])
    const { status, body } = await errorOf(await readJsonBody(post(invalidUtf8)))
    expect(status).toBe(400)
    expect(body).toMatchObject({ error: { message: 'The request body is not valid UTF-8' } })
  })
})
