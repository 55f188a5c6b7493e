import type { Sleep } from '../emulator-options.js'
import type { EndpointResult } from '../endpoint/envelope.js'
import { JSON_CONTENT_TYPE } from '../http/json-response.js'
import { linkSignals } from '../http/link-signals.js'
import type { Fault } from './fault-schema.js'

/** What streaming a body needs. */
export interface BodyContext {
  /** Real-time waits between drip chunks. */
  readonly sleep: Sleep
  /** Ends a drip when the emulator resets. */
  readonly signal: AbortSignal
}

const DEFAULT_HUGE_BYTES = 8 * 1024 * 1024
const PADDING_CHUNK = 64 * 1024

/**
 * Turns an endpoint result into a response, applying the faults that change how the body
 * travels (`content-type`, `truncated`, `huge-body`, `slow-drip`).
 *
 * @param fault - the fault picked for this request, if any
 * @param result - the (possibly reshaped) result
 * @param context - sleep and lifecycle signal
 * @returns the response
 */
export function renderBody(
  fault: Fault | undefined,
  result: EndpointResult,
  context: BodyContext,
): Response {
  const text = JSON.stringify(result.envelope)
  const bytes = new TextEncoder().encode(text)
  const headers = new Headers({ 'content-type': JSON_CONTENT_TYPE, ...result.headers })
  const respond = (body: ConstructorParameters<typeof Response>[0], length: number): Response => {
    headers.set('content-length', String(length))
    return new Response(body, { status: result.status, headers })
  }
  switch (fault?.kind) {
    case 'content-type':
      headers.set('content-type', fault.contentType ?? 'text/html; charset=utf-8')
      return respond(bytes, bytes.length)
    case 'truncated': {
      const cut = bytes.slice(0, Math.max(1, Math.floor(bytes.length / 2)))
      if (!fault.abort) return respond(cut, cut.length)
      return respond(failingStream(cut), bytes.length)
    }
    case 'huge-body': {
      const target = fault.bytes ?? DEFAULT_HUGE_BYTES
      const prefix = new TextEncoder().encode(`${text.slice(0, -1)},"padding":"`)
      const padding = Math.max(0, target - prefix.length - 2)
      return respond(paddedStream(prefix, padding), prefix.length + padding + 2)
    }
    case 'slow-drip':
      return respond(
        dripStream(bytes, fault.chunkBytes ?? 8, fault.intervalMs ?? 100, context),
        bytes.length,
      )
    default:
      return respond(bytes, bytes.length)
  }
}

/** Sends `part`, then fails the way undici does when a connection drops mid-body. */
function failingStream(part: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent) controller.error(new TypeError('terminated'))
        else controller.enqueue(part)
        sent = true
      },
    },
    { highWaterMark: 0 },
  )
}

function paddedStream(prefix: Uint8Array, padding: number): ReadableStream<Uint8Array> {
  const filler = new Uint8Array(PADDING_CHUNK).fill(0x78) // "x"
  let left = padding
  let started = false
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (!started) {
          started = true
          controller.enqueue(prefix)
        } else if (left > 0) {
          const size = Math.min(left, PADDING_CHUNK)
          controller.enqueue(size === PADDING_CHUNK ? filler.slice() : filler.slice(0, size))
          left -= size
        } else {
          controller.enqueue(new TextEncoder().encode('"}'))
          controller.close()
        }
      },
    },
    { highWaterMark: 0 },
  )
}

function dripStream(
  bytes: Uint8Array,
  chunkBytes: number,
  intervalMs: number,
  context: BodyContext,
): ReadableStream<Uint8Array> {
  const cancelled = new AbortController()
  const linked = linkSignals([cancelled.signal, context.signal])
  const signal = linked.signal
  let offset = 0
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (offset > 0) {
          try {
            await context.sleep(intervalMs, signal)
          } catch (error) {
            linked.dispose()
            if (!cancelled.signal.aborted) controller.error(error)
            return
          }
        }
        controller.enqueue(bytes.slice(offset, offset + chunkBytes))
        offset += chunkBytes
        if (offset >= bytes.length) {
          linked.dispose()
          controller.close()
        }
      },
      cancel() {
        cancelled.abort()
        linked.dispose()
      },
    },
    { highWaterMark: 0 },
  )
}
