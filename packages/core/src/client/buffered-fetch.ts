import type { Input } from 'ky'
import { isAuthingError } from '../errors/authing-error.js'
import type { FetchLike } from './options.js'

/** A response body read into memory, at most `maxResponseBytes` of it. */
export interface BufferedBody {
  /** The body decoded as UTF-8, or its first few KiB when `truncated`. */
  readonly text: string
  /** Whether the body was larger than the bound; the rest was cancelled, never read. */
  readonly truncated: boolean
  /** The bytes behind `text`. */
  readonly bytes: Uint8Array
}

/** Decodes UTF-8 without streaming, so one instance serves every body. */
const UTF8 = new TextDecoder()

/** How much of an oversized body is kept, for an error's excerpt. */
const HEAD_BYTES = 4096

/** Bodies read by the fetch wrappers, keyed by the response handed to ky. */
const bufferedBodies = new WeakMap<Response, BufferedBody>()

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Reads a body until it ends or passes `maxBytes`, then cancels the rest. A body announced as
 * larger than `maxBytes` is cancelled after its first few KiB. Used by the fetch wrappers, and
 * for a response a user hook put in place, which they did not read.
 *
 * @param response - a response whose body has not been read
 * @param maxBytes - the largest body read
 * @param stop - when it aborts, the read is cancelled and rejects with its reason
 * @returns the text (only the first few KiB when cut) and whether the body was cut
 */
export async function readBody(
  response: Response,
  maxBytes: number,
  stop?: AbortSignal,
): Promise<BufferedBody> {
  // A missing content-length reads as 0, never more than the bound.
  const limit = Number(response.headers.get('content-length')) > maxBytes ? HEAD_BYTES : maxBytes
  const reader = response.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  let truncated = false
  // Cancelling the reader ends a pending read, so a stalled body cannot hold the call.
  const cancel = () => void reader?.cancel().catch(() => undefined)
  if (stop?.aborted) cancel()
  stop?.addEventListener('abort', cancel)
  try {
    while (reader) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
      size += value.byteLength
      if (size > limit) {
        truncated = true
        cancel()
        break
      }
    }
  } finally {
    stop?.removeEventListener('abort', cancel)
  }
  stop?.throwIfAborted()
  // A small body usually arrives as one chunk, used as it is.
  let bytes = chunks.length === 1 && chunks[0] ? chunks[0] : concat(chunks, size)
  if (truncated) bytes = bytes.subarray(0, HEAD_BYTES)
  return { text: UTF8.decode(bytes), truncated, bytes }
}

/**
 * The body a fetch wrapper read for a response.
 *
 * @param response - a response that came out of ky
 * @returns the buffered body, or `undefined` for a response without a body or one a hook made
 */
export function bufferedBodyOf(response: Response): BufferedBody | undefined {
  return bufferedBodies.get(response)
}

/**
 * Records the body read for a response, for {@link bufferedBodyOf}.
 *
 * @param response - the response handed to ky
 * @param body - its body, as read
 */
export function rememberBody(response: Response, body: BufferedBody): void {
  bufferedBodies.set(response, body)
}

/**
 * Wraps a `fetch` into the one that ky calls, so that each attempt reads its response body,
 * bounded, before it resolves: the per-attempt timeout, the abort signal and the retries then
 * cover the body too, and ky never buffers more than the bound. The body is recorded for
 * {@link bufferedBodyOf}.
 *
 * @param send - sends an attempt given ky's `Request`: the caller's fetch, the direct path's (see
 *   `direct-fetch.ts`), or `undefined` for the global fetch, read at call time and called unbound
 * @param maxBytes - the largest body read
 * @param copy - whether to hand ky a new response around the bytes, for user hooks that may read
 *   the body again; otherwise ky gets the response itself with its body used up, since only
 *   authing-edge reads it (through {@link bufferedBodyOf})
 * @returns a fetch for ky's `fetch` option
 */
export function createBufferedFetch(
  send: FetchLike | undefined,
  maxBytes: number,
  copy: boolean,
): (input: Input, init?: RequestInit) => Promise<Response> {
  return async (input, init) => {
    // ky always passes its Request; the fallback only keeps the types honest.
    const request = input instanceof Request ? input : new Request(input, init)
    try {
      const response = await (send ?? globalThis.fetch)(request, init)
      // No body to read: 204, 304, an opaque redirect.
      if (response.body === null) return response
      const body = await readBody(response, maxBytes)
      // A response is a ResponseInit: its status, statusText and headers carry over.
      const result = copy ? new Response(body.bytes, response) : response
      rememberBody(result, body)
      return result
    } catch (error) {
      throw asNetworkFailure(error, request.signal)
    }
  }
}

/**
 * What ky should see of a failed attempt. An abort (the caller's, or ky's per-attempt timeout)
 * passes through untouched. Anything else means no usable answer arrived, but runtimes word it
 * differently (workerd throws `Error: Network connection lost.`, Deno and Bun their own
 * messages). Every such failure becomes one `TypeError('fetch failed')`, with the original as its
 * cause, which {@link isFetchFailure} recognises. An authing-edge error thrown by an injected
 * `fetch` is already typed: it passes through, and is not retried.
 */
export function asNetworkFailure(error: unknown, signal: AbortSignal): unknown {
  if (signal.aborted || isAuthingError(error) || isFetchFailure(error)) return error
  return new TypeError('fetch failed', { cause: error })
}

/**
 * Whether an attempt failed for want of an answer, as {@link asNetworkFailure} reports it: the
 * one kind of thrown error worth another attempt. (A hook's own failed `fetch` looks the same;
 * the retry policy rules hook errors out first, see `isHookError`.)
 *
 * @param error - what an attempt rejected with
 * @returns whether it is a network failure of an attempt
 */
export function isFetchFailure(error: unknown): error is TypeError {
  return error instanceof TypeError && error.message === 'fetch failed'
}
