import { errorResponse } from './responses.js'

/** The largest request body the Worker reads, in bytes. A WeChat token is under 1 KiB. */
export const MAX_BODY_BYTES = 4096

/** {@link readJsonBody}'s answer: the parsed value, or the error response to send. */
export type JsonBodyResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly response: Response }

function tooLarge(limit: number): JsonBodyResult {
  return {
    ok: false,
    response: errorResponse(413, 'payload_too_large', `The request body exceeds ${limit} bytes`),
  }
}

/** Reads at most `limit` bytes; `undefined` as soon as the body turns out to be longer. */
async function readCapped(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | undefined> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Reads a small JSON request body: 413 when it is longer than `limit` (by `Content-Length`, or
 * while streaming when there is none), 400 when it is empty, not UTF-8 or not JSON. Error
 * messages never quote the body.
 *
 * @param request - the incoming request
 * @param limit - the largest accepted body, in bytes
 * @default limit {@link MAX_BODY_BYTES}
 * @returns the parsed JSON value, or the error response to send
 * @example
 * ```ts
 * const body = await readJsonBody(request)
 * if (!body.ok) return body.response
 * ```
 */
export async function readJsonBody(
  request: Request,
  limit: number = MAX_BODY_BYTES,
): Promise<JsonBodyResult> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > limit) return tooLarge(limit)
  const bytes = request.body === null ? new Uint8Array() : await readCapped(request.body, limit)
  if (bytes === undefined) return tooLarge(limit)
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return {
      ok: false,
      response: errorResponse(400, 'malformed_json', 'The request body is not valid UTF-8'),
    }
  }
  try {
    return { ok: true, value: JSON.parse(text) }
  } catch {
    return {
      ok: false,
      response: errorResponse(400, 'malformed_json', 'The request body is not valid JSON'),
    }
  }
}
