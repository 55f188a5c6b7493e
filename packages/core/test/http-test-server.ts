import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request as the server received it. */
export interface CapturedRequest {
  readonly method: string
  /** Path and query string exactly as sent. */
  readonly url: string
  /** Header names lower-cased, as Node parses them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** The body bytes exactly as received. */
  readonly body: Buffer
  /** `performance.now()` when the request head arrived. */
  readonly receivedAt: number
}

/** Answers one request; the request's body has already been read into `captured.body`. */
export type Handler = (
  captured: CapturedRequest,
  res: ServerResponse,
  req: IncomingMessage,
) => void | Promise<void>

/** A real node:http server on 127.0.0.1, port 0, recording every request it gets. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: CapturedRequest[]
  /** How many requests the client abandoned (connection closed before the response finished). */
  readonly abandoned: () => number
  /** Queue handlers for the next requests, in order; after them the default handler answers. */
  readonly enqueue: (...handlers: Handler[]) => void
  /** Replace the default handler. */
  readonly setDefault: (handler: Handler) => void
  /** Resolves when the server has received `count` requests in total. */
  readonly waitForRequests: (count: number) => Promise<void>
  /** Resolves when `count` requests in total were abandoned by the client. */
  readonly waitForAbandoned: (count: number) => Promise<void>
  /** Closes every connection and the server. */
  readonly close: () => Promise<void>
}

/** Sends a JSON body with status 200 unless another is given. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Handler {
  return (_captured, res) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
    res.end(JSON.stringify(body))
  }
}

/** Sends a raw text body. */
export function text(body: string, status: number, headers: Record<string, string> = {}): Handler {
  return (_captured, res) => {
    res.writeHead(status, headers)
    res.end(body)
  }
}

/** Never answers: the request hangs until the client gives up. */
export const hang: Handler = () => undefined

/** Destroys the connection without answering. */
export const reset: Handler = (_captured, _res, req) => {
  req.socket.destroy()
}

/**
 * Starts a capturing server on 127.0.0.1, port 0.
 *
 * @param defaultHandler - answers every request not taken by a queued handler
 * @returns the running server
 */
export async function createTestServer(
  defaultHandler: Handler = json({
    statusCode: 200,
    message: 'ok',
    data: { accessToken: 't', expiresAt: 1 },
  }),
): Promise<TestServer> {
  const requests: CapturedRequest[] = []
  const queue: Handler[] = []
  let fallback = defaultHandler
  let abandoned = 0
  const waiters = new Set<() => void>()
  const notify = (): void => {
    for (const waiter of waiters) waiter()
  }
  const waitFor = (predicate: () => boolean): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (!predicate()) return
        waiters.delete(check)
        resolve()
      }
      waiters.add(check)
      check()
    })

  const server = createServer((req, res) => {
    const receivedAt = performance.now()
    const chunks: Buffer[] = []
    res.on('close', () => {
      if (!res.writableFinished) {
        abandoned++
        notify()
      }
    })
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const captured: CapturedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: { ...req.headers },
        body: Buffer.concat(chunks),
        receivedAt,
      }
      requests.push(captured)
      notify()
      const handler = queue.shift() ?? fallback
      void Promise.resolve(handler(captured, res, req)).catch(() => {
        req.socket.destroy()
      })
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    abandoned: () => abandoned,
    enqueue: (...handlers) => {
      queue.push(...handlers)
    },
    setDefault: (handler) => {
      fallback = handler
    },
    waitForRequests: (count) => waitFor(() => requests.length >= count),
    waitForAbandoned: (count) => waitFor(() => abandoned >= count),
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
