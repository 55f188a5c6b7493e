import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the upstream received. */
export interface UpstreamRequest {
  readonly method: string
  readonly path: string
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  readonly body: string
}

/** A failure the upstream can be told to answer with, instead of the token. */
export type UpstreamFailure =
  | {
      readonly type: 'api-error'
      readonly statusCode: number
      readonly apiCode?: number
      readonly message: string
    }
  | { readonly type: 'http'; readonly status: number; readonly body: string }
  | { readonly type: 'reset' }

/** Options of {@link startWechatUpstream}. */
export interface WechatUpstreamOptions {
  /** The WeChat AppSecret it accepts; any other gets Authing's "invalid appsecret" business error. */
  readonly appSecret: string
  /** The first token it hands out. */
  readonly token: { readonly accessToken: string; readonly expiresAt: number }
}

/**
 * A real node:http server on 127.0.0.1, port 0, that answers `POST
 * /api/v3/get-wechat-access-token-info` like Authing: the token it currently holds (the same
 * one until told otherwise, like `stable_token`), `expiresAt` in seconds as a string, business
 * errors as HTTP 200 envelopes. Tests steer it: which token, which failure, and a gate that holds
 * answers until released, so concurrency is tested without timers. The answer is decided when
 * the request arrives; the gate only delays it.
 */
export interface WechatUpstream {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** Every request received, in order. */
  readonly requests: readonly UpstreamRequest[]
  /** Hands out this token from now on (`expiresAt` in epoch ms, whole seconds). */
  issue(accessToken: string, expiresAt: number): void
  /** Answers every request with this failure until called with `undefined`. */
  fail(failure: UpstreamFailure | undefined): void
  /** Holds every answer from now on until the returned function is called. */
  hold(): () => void
  /** Resolves once `count` requests in total have arrived. */
  waitForRequests(count: number): Promise<void>
  /** Closes connections and the server. */
  close(): Promise<void>
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

function secretOf(body: string): unknown {
  try {
    const parsed: unknown = JSON.parse(body)
    return typeof parsed === 'object' && parsed !== null
      ? Reflect.get(parsed, 'appSecret')
      : undefined
  } catch {
    return undefined
  }
}

/**
 * Starts the upstream.
 *
 * @param options - the accepted secret and the first token
 * @returns the running upstream; close it in `afterEach`
 */
export async function startWechatUpstream(options: WechatUpstreamOptions): Promise<WechatUpstream> {
  const requests: UpstreamRequest[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  let token = options.token
  let failure: UpstreamFailure | undefined
  let gate: Promise<void> | undefined

  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body })
    for (const waiter of waiters.filter((w) => requests.length >= w.count)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve()
    }
    // Decided on arrival, as a real server would; the gate only delays the answer.
    const answer = failure
    const current = token
    if (gate !== undefined) await gate
    if (req.url !== '/api/v3/get-wechat-access-token-info' || req.method !== 'POST') {
      sendJson(res, 404, { statusCode: 404, message: 'not found' })
    } else if (answer?.type === 'reset') {
      req.socket.destroy()
    } else if (answer?.type === 'http') {
      res.writeHead(answer.status, { 'content-type': 'text/html' })
      res.end(answer.body)
    } else if (answer?.type === 'api-error') {
      const { statusCode, apiCode, message } = answer
      sendJson(res, 200, {
        statusCode,
        apiCode,
        message,
        requestId: `req-${requests.length}`,
        data: {},
      })
    } else if (secretOf(body) !== options.appSecret) {
      sendJson(res, 200, {
        statusCode: 400,
        apiCode: 40125,
        message: 'invalid appsecret',
        requestId: `req-${requests.length}`,
      })
    } else {
      sendJson(res, 200, {
        statusCode: 200,
        message: '操作成功',
        data: {
          accessToken: current.accessToken,
          expiresAt: String(Math.floor(current.expiresAt / 1000)),
        },
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    issue(accessToken, expiresAt) {
      token = { accessToken, expiresAt }
    },
    fail(next) {
      failure = next
    },
    hold() {
      let release: () => void = () => undefined
      gate = new Promise((resolve) => {
        release = resolve
      })
      return () => {
        gate = undefined
        release()
      }
    },
    waitForRequests(count) {
      if (requests.length >= count) return Promise.resolve()
      return new Promise((resolve) => waiters.push({ count, resolve }))
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      )
    },
  }
}
