import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import type { EmulatorFetch } from '../emulator.js'
import { isEmulatedNetworkError } from '../http/emulated-network-error.js'
import { resetSocket } from './reset-socket.js'

/** Request bodies above this size get HTTP 413. */
export const MAX_REQUEST_BYTES = 1024 * 1024

const SKIPPED_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'upgrade',
])

/** Tracks the requests a server is serving so `close()` can end them. */
export interface InFlight {
  /** Adds one request's abort controller; returns a function that removes it. */
  track(controller: AbortController): () => void
}

/**
 * Builds a `node:http` request listener around a fetch handler. The emulator's connection
 * faults become socket actions: `reset` resets the socket (or closes it when its FIN is already
 * on the way out, see `resetSocket` in reset-socket.ts), a body stream that fails mid-way
 * destroys it, and a client that goes away aborts the request's signal.
 *
 * @param handler - the fetch handler
 * @param origin - the server's own origin, e.g. `http://127.0.0.1:8787` (never the Host header)
 * @param inFlight - where to register in-flight requests
 * @returns the listener
 */
export function createNodeListener(
  handler: EmulatorFetch,
  origin: () => string,
  inFlight: InFlight,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const controller = new AbortController()
    const untrack = inFlight.track(controller)
    res.once('close', () => {
      untrack()
      if (!res.writableFinished) controller.abort(new Error('the client closed the connection'))
    })
    serveOne(handler, origin(), req, res, controller.signal).catch((error: unknown) => {
      if (isEmulatedNetworkError(error)) resetSocket(req.socket)
      else if (controller.signal.aborted) req.socket.destroy()
      else if (!res.headersSent) {
        res.writeHead(500, { 'content-type': 'text/plain' }).end('emulator internal error')
      } else res.destroy()
    })
  }
}

async function serveOne(
  handler: EmulatorFetch,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
  signal: AbortSignal,
): Promise<void> {
  const body = await readBody(req)
  if (body === 'too-large') {
    res
      .writeHead(413, { 'content-type': 'text/plain', connection: 'close' })
      .end('Payload Too Large')
    return
  }
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || SKIPPED_HEADERS.has(name)) continue
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  const method = req.method ?? 'GET'
  const request = new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    signal,
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  })
  const response = await handler(request)
  await sendResponse(response, res)
}

async function readBody(req: IncomingMessage): Promise<Uint8Array | 'too-large'> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    size += buffer.length
    if (size > MAX_REQUEST_BYTES) return 'too-large'
    chunks.push(buffer)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

async function sendResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  res.writeHead(response.status, headers)
  if (!response.body) {
    res.end()
    return
  }
  const reader = response.body.getReader()
  const onClose = (): void => void reader.cancel().catch(() => undefined)
  res.once('close', onClose)
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      if (res.destroyed) return
      if (!res.write(value)) await drained(res)
    }
    res.end()
  } catch {
    // The body failed mid-way (an injected `truncated` abort or a reset during a drip): flush
    // what was written, then close the connection short of Content-Length, as a dying server
    // would. A reset here could overtake the headers, which is not the fault asked for.
    closeAfterFlush(res.socket)
  } finally {
    res.off('close', onClose)
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done)
      res.off('close', done)
      resolve()
    }
    res.on('drain', done)
    res.on('close', done)
  })
}

function closeAfterFlush(socket: Socket | null): void {
  if (!socket || socket.destroyed) return
  socket.end(() => socket.destroy())
}
