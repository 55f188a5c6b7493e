import type { Input } from 'ky'
import type { FetchLike } from './options.js'

/** A response body read into memory, at most `maxResponseBytes` of it. */
export interface BufferedBody {
  /** The body decoded as UTF-8, or its first few KiB when `truncated`. */
  readonly text: string
  /** Whether the body was larger than the bound; the rest was cancelled, never read. */
  readonly truncated: boolean
}

/** How much of an oversized body is kept, for an error's excerpt. */
const HEAD_BYTES = 4096

/** Bodies already read by the fetch wrapper, keyed by the response rebuilt around them. */
const bufferedBodies = new WeakMap<Response, BufferedBody>()

let decoder: InstanceType<typeof TextDecoder> | undefined

function decode(bytes: Uint8Array): string {
  decoder ??= new TextDecoder()
  return decoder.decode(bytes)
}

/**
 * Reads a body until it ends or passes `maxBytes`, then cancels the rest. A body announced as
 * larger than `maxBytes` is cancelled after its first few KiB.
 *
 * @returns the bytes read (only the first few KiB when cut) and whether the body was cut
 */
async function readBytes(
  response: Response,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  const limit = declared > maxBytes ? HEAD_BYTES : maxBytes
  const reader = response.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  while (reader !== undefined) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    size += value.byteLength
    if (size > limit) {
      truncated = true
      void reader.cancel().catch(() => undefined)
      break
    }
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return { bytes: truncated ? bytes.subarray(0, HEAD_BYTES) : bytes, truncated }
}

/**
 * Reads a response body with a byte bound, for a response the fetch wrapper did not read (one a
 * user hook made).
 *
 * @param response - a response whose body has not been read
 * @param maxBytes - the largest body read
 * @returns the text and whether it was cut
 */
export async function readBody(response: Response, maxBytes: number): Promise<BufferedBody> {
  const { bytes, truncated } = await readBytes(response, maxBytes)
  return { text: decode(bytes), truncated }
}

/**
 * The body the fetch wrapper read for a response, if it was one of its rebuilt responses.
 *
 * @param response - a response that came out of ky
 * @returns the buffered body, or `undefined` for a response without a body or one a hook made
 */
export function bufferedBodyOf(response: Response): BufferedBody | undefined {
  return bufferedBodies.get(response)
}

/**
 * Wraps a `fetch` so that each attempt reads its response body, bounded, before it resolves: the
 * per-attempt timeout, the abort signal and the retries then cover the body too, and ky never
 * buffers more than the bound. The response is rebuilt around the bytes so that ky and user hooks
 * can still read it.
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
    const response = await (customFetch ?? globalThis.fetch)(request, init)
    // No body to read: 204, 304, an opaque redirect.
    if (response.body === null) return response
    const { bytes, truncated } = await readBytes(response, maxBytes)
    const copy = new Response(bytes, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    })
    bufferedBodies.set(copy, { text: decode(bytes), truncated })
    return copy
  }
}
