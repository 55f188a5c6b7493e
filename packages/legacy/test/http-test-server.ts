import { createServer } from 'node:http'

/** One request as the server received it. */
export interface CapturedRequest {
  readonly method: string
  /** Path and query string exactly as sent. */
  readonly url: string
  /** Header names lower-cased, as Node parses them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** The body, decoded as UTF-8. */
  readonly body: string
}

/** What the server answers with. */
export interface Reply {
  readonly status: number
  readonly body: string
  readonly headers?: Readonly<Record<string, string>>
}

/** Chooses the reply to a request. */
export type Responder = (request: CapturedRequest) => Reply

/** A real node:http server on 127.0.0.1, port 0, recording every request. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: CapturedRequest[]
  /** Replaces how the server answers. */
  respondWith(responder: Responder): void
  /** Closes every connection and the server. */
  close(): Promise<void>
}

/** A JSON reply. */
export function json(body: unknown, status = 200): Reply {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
}

/**
 * Answers from a table of paths; any other path gets the 404 an old deployment would send.
 *
 * @param routes - reply per request path
 * @returns a responder
 */
export function routes(routes: Readonly<Record<string, Reply>>): Responder {
  return (request) =>
    routes[request.url] ?? {
      status: 404,
      body: `Cannot POST ${request.url}`,
      headers: { 'content-type': 'text/plain' },
    }
}

/**
 * Starts a capturing server on 127.0.0.1, port 0.
 *
 * @param responder - how to answer
 * @returns the running server
 */
export async function createTestServer(responder: Responder): Promise<TestServer> {
  const requests: CapturedRequest[] = []
  let respond = responder
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const captured: CapturedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString('utf8'),
      }
      requests.push(captured)
      const reply = respond(captured)
      res.writeHead(reply.status, reply.headers ?? {})
      res.end(reply.body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('server has no port')
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    respondWith(next) {
      respond = next
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
