import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { CountingServer } from './counting-server.ts'

/** The path every contender must call. */
export const TOKEN_INFO_PATH = '/api/v3/get-wechat-access-token-info'

/** The WeChat access token the loopback server hands out; as long as a real one. */
export const BENCH_ACCESS_TOKEN = `bench_${'A1b2C3d4'.repeat(17)}`

/** A running loopback server and what it has seen. */
export interface FixedEnvelopeServer extends CountingServer {
  /** Requests answered with the envelope (POST to {@link TOKEN_INFO_PATH}). */
  readonly hits: () => number
  /** Requests to any other method or path, answered with 404. */
  readonly misses: () => number
  /** Closes the server and every kept-alive connection. */
  readonly close: () => Promise<void>
}

/**
 * Starts the smallest server that still answers like the upstream: a raw `node:http` server on
 * 127.0.0.1, port 0, that drains the request body and answers every
 * `POST /api/v3/get-wechat-access-token-info` with one fixed, valid success envelope, so that in
 * a benchmark the server costs as little as possible and the same for every client.
 *
 * @param lifetimeSeconds - how far in the future `expiresAt` lies
 * @default lifetimeSeconds 7200 (a WeChat token's lifetime)
 * @returns the running server
 * @example
 * ```ts
 * const server = await startFixedEnvelopeServer()
 * await fetch(`${server.url}/api/v3/get-wechat-access-token-info`, { method: 'POST', body: '{}' })
 * await server.close()
 * ```
 */
export async function startFixedEnvelopeServer(
  lifetimeSeconds = 7200,
): Promise<FixedEnvelopeServer> {
  const envelope = Buffer.from(
    JSON.stringify({
      statusCode: 200,
      message: '操作成功',
      requestId: 'bench-request',
      data: {
        accessToken: BENCH_ACCESS_TOKEN,
        // The OpenAPI document types it as a string of seconds.
        expiresAt: String(Math.floor(Date.now() / 1000) + lifetimeSeconds),
      },
    }),
  )
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(envelope.byteLength),
  }
  let hits = 0
  let misses = 0
  const answer = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method === 'POST' && req.url?.endsWith(TOKEN_INFO_PATH)) {
      hits++
      res.writeHead(200, headers).end(envelope)
    } else {
      misses++
      res.writeHead(404).end()
    }
  }
  const server = createServer((req, res) => {
    req.on('end', () => answer(req, res))
    req.resume()
  })
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    hits: () => hits,
    misses: () => misses,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}
