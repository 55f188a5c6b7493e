import type { Input } from 'ky'
import type { FetchLike } from './options.js'

/** A response body read into memory, at most `maxResponseBytes` of it. */
export interface BufferedBody {
  /** The whole body, or its first bytes when `truncated`. */
  readonly bytes: Uint8Array
  /** Whether the body was larger than the bound; the rest was cancelled, never read. */
  readonly truncated: boolean
}

/** How much of an oversized body is kept, for an error's excerpt. */
const HEAD_BYTES = 4096
/** Statuses whose responses never have a body. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304])

/** Bodies already read by the fetch wrapper, keyed by the response rebuilt around them. */
const bufferedBodies = new WeakMap<Response, BufferedBody>()

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0]
  const out = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    out.set(chunk, offset)
    offset += chunk.byteLength
  }
  return out
}

async function readStream(
  stream: ReadableStream<Uint8Array>,
  limit: number,
): Promise<BufferedBody> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) return { bytes: concat(chunks, total), truncated: false }
    chunks.push(value)
    total += value.byteLength
    if (total > limit) {
      void reader.cancel().catch(() => undefined)
      const all = concat(chunks, total)
      return { bytes: all.subarray(0, Math.min(all.byteLength, HEAD_BYTES)), truncated: true }
    }
  }
}

/**
 * Reads a response body with a byte bound. A body that declares a length within the bound and is
 * not compressed is read in one go; any other is streamed and cancelled as soon as it passes the
 * bound (a body announced as too large is cancelled after its first few KiB).
 *
 * @param response - a response whose body has not been read
 * @param maxBytes - the largest body accepted
 * @returns the bytes and whether they were cut
 */
export async function readBounded(response: Response, maxBytes: number): Promise<BufferedBody> {
  const known = bufferedBodies.get(response)
  if (known !== undefined) return known
  const { body } = response
  if (body === null) return { bytes: new Uint8Array(0), truncated: false }
  const encoding = response.headers.get('content-encoding')
  const length = Number(response.headers.get('content-length') ?? Number.NaN)
  const plain = encoding === null || encoding === 'identity'
  if (plain && length <= maxBytes) {
    return { bytes: new Uint8Array(await response.arrayBuffer()), truncated: false }
  }
  return readStream(body, plain && length > maxBytes ? HEAD_BYTES : maxBytes)
}

/**
 * The body the fetch wrapper read for a response, if it was one of its rebuilt responses.
 *
 * @param response - a response that came out of ky
 * @returns the buffered body, or `undefined` for a response a hook replaced
 */
export function bufferedBodyOf(response: Response): BufferedBody | undefined {
  return bufferedBodies.get(response)
}

/**
 * Wraps a `fetch` so that each attempt reads its response body, bounded, before it resolves: the
 * per-attempt timeout and the abort signal then cover the body too, and ky never buffers an error
 * body beyond the bound. The response is rebuilt around the bytes so that ky and user hooks can
 * still read it.
 *
 * @param customFetch - the caller's `fetch`, or `undefined` for the global one (read at call time)
 * @param maxBytes - the largest body read
 * @returns a fetch for ky's `fetch` option
 */
export function createBufferedFetch(
  customFetch: FetchLike | undefined,
  maxBytes: number,
): (input: Input, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    // ky always passes a Request; the fallback only keeps the types honest.
    const request = input instanceof Request ? input : new Request(input, init)
    const send = customFetch ?? globalThis.fetch
    const response = await send(request, init)
    if (
      response.body === null ||
      response.status === 0 ||
      NULL_BODY_STATUSES.has(response.status)
    ) {
      return response
    }
    const body = await readBounded(response, maxBytes)
    const copy = new Response(body.bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
    bufferedBodies.set(copy, body)
    return copy
  }
}
