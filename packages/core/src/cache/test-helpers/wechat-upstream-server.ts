import {
  type CapturedRequest,
  createTestServer,
  type Handler,
  json,
  reset,
  text,
} from '../../../test/http-test-server.js'

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
  readonly requests: readonly CapturedRequest[]
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
  let token = options.token
  let failure: UpstreamFailure | undefined
  let gate: Promise<void> | undefined
  const server = await createTestServer(async (captured, res, req) => {
    // Decided on arrival, as a real server would; the gate only delays the answer.
    const answer = failure
    const current = token
    const requestId = `req-${server.requests.length}`
    if (gate !== undefined) await gate
    let handler: Handler
    if (captured.url !== '/api/v3/get-wechat-access-token-info' || captured.method !== 'POST') {
      handler = json({ statusCode: 404, message: 'not found' }, 404)
    } else if (answer?.type === 'reset') {
      handler = reset
    } else if (answer?.type === 'http') {
      handler = text(answer.body, answer.status, { 'content-type': 'text/html' })
    } else if (answer?.type === 'api-error') {
      const { statusCode, apiCode, message } = answer
      handler = json({ statusCode, apiCode, message, requestId, data: {} })
    } else if (secretOf(captured.body.toString('utf8')) !== options.appSecret) {
      handler = json({
        statusCode: 400,
        apiCode: 40125,
        message: 'invalid appsecret',
        requestId,
      })
    } else {
      handler = json({
        statusCode: 200,
        message: '操作成功',
        data: {
          accessToken: current.accessToken,
          expiresAt: String(Math.floor(current.expiresAt / 1000)),
        },
      })
    }
    await handler(captured, res, req)
  })
  return {
    url: server.url,
    requests: server.requests,
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
    waitForRequests: server.waitForRequests,
    close: server.close,
  }
}
