import type { ErrorName } from '../fault-matrix/fault-case.ts'
import { SECRETS } from '../support/secrets.ts'

/** What a hostile upstream saw of the request it answers. */
export interface Seen {
  /** The request body as sent (it holds the WeChat appSecret). */
  readonly body: string
  /** The `authorization` header (the user access token). */
  readonly authorization: string
  /**
   * The body, and each secret the request carried in every form the client's scrubber knows:
   * as sent, JSON-escaped and URI-encoded. (Compound forms, such as the JSON body escaped once
   * more, have their own test.)
   */
  readonly echo: string
  readonly signal: AbortSignal
}

/** An upstream that echoes secrets back in one place, and the error the client must raise. */
export interface HostileScenario {
  readonly name: string
  readonly error: ErrorName
  respond(seen: Seen): Promise<Response>
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })

/** Header values cannot hold every character: keep those a header can carry. */
const headerSafe = (text: string): string => text.replace(/[^\x20-\x7e]/g, '')

function streamThenFail(first: string, failure: Error): ReadableStream<Uint8Array> {
  let sent = false
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent) controller.error(failure)
      else controller.enqueue(new TextEncoder().encode(first))
      sent = true
    },
  })
}

/** Every way the suite's hostile upstream echoes what it was sent. */
export const HOSTILE_SCENARIOS: readonly HostileScenario[] = [
  {
    name: 'an HTML 500 page echoing the body and authorization',
    error: 'HttpError',
    respond: async ({ echo }) =>
      new Response(`<html><body><pre>${echo}</pre></body></html>`, {
        status: 500,
        headers: { 'content-type': 'text/html' },
      }),
  },
  {
    name: 'a 502 body whose 512-character excerpt ends inside the appSecret',
    error: 'HttpError',
    respond: async () =>
      new Response(`${'x'.repeat(500)}${SECRETS.wechatAppSecret}`, { status: 502 }),
  },
  {
    name: 'a 503 with the user token as x-request-id',
    error: 'HttpError',
    respond: async ({ authorization }) =>
      new Response('unavailable', {
        status: 503,
        headers: { 'x-request-id': headerSafe(authorization) },
      }),
  },
  {
    name: 'a 400 business envelope echoing secrets in message and requestId',
    error: 'AuthingApiError',
    respond: async ({ echo, authorization }) =>
      json(400, { statusCode: 400, apiCode: 40125, message: echo, requestId: authorization }),
  },
  {
    name: 'an HTTP 200 business error echoing secrets (throwOnApiError)',
    error: 'AuthingApiError',
    respond: async ({ echo }) =>
      json(200, {
        statusCode: 500,
        apiCode: 1000,
        message: echo,
        requestId: SECRETS.wechatAppSecret,
      }),
  },
  {
    name: 'a 429 echoing secrets on every attempt',
    error: 'AuthingApiError',
    respond: async ({ echo }) =>
      json(429, { statusCode: 429, message: echo }, { 'retry-after': '0' }),
  },
  {
    name: 'a non-JSON body whose content-type carries the appSecret',
    error: 'ResponseValidationError',
    respond: async () =>
      new Response('not json', {
        status: 200,
        headers: { 'content-type': `text/plain; echo=${headerSafe(SECRETS.wechatAppSecret)}` },
      }),
  },
  {
    name: 'a success envelope whose wrong-typed fields hold the secrets',
    error: 'ResponseValidationError',
    respond: async ({ echo, authorization }) =>
      json(200, {
        statusCode: 200,
        message: echo,
        data: { accessToken: { echo }, expiresAt: authorization },
      }),
  },
  {
    name: 'an envelope whose statusCode is the echoed body',
    error: 'ResponseValidationError',
    respond: async ({ echo }) => json(200, { statusCode: echo, message: 1, requestId: [echo] }),
  },
  {
    name: 'a 307 redirect to a URL carrying the appSecret',
    error: 'HttpError',
    respond: async ({ echo }) =>
      new Response(echo, {
        status: 307,
        headers: {
          location: `https://evil.example/?s=${encodeURIComponent(SECRETS.wechatAppSecret)}`,
        },
      }),
  },
  {
    name: 'a 2 MiB error body made of echoes (over maxResponseBytes)',
    error: 'HttpError',
    respond: async ({ echo }) =>
      new Response(echo.repeat(Math.ceil((2 * 1024 * 1024) / echo.length)), { status: 500 }),
  },
  {
    name: 'fetch rejecting with the echo in message, cause, code and stack',
    error: 'NetworkError',
    respond: async ({ echo }) => {
      const cause = Object.assign(new Error(`connect ECONNREFUSED ${echo}`), {
        code: `E_${SECRETS.wechatAppSecret}`,
        body: echo,
      })
      cause.stack = `Error: ${echo}\n    at connect (${SECRETS.userAccessToken})`
      throw new TypeError(`fetch failed: ${echo}`, { cause })
    },
  },
  {
    name: 'fetch rejecting with a plain object full of secrets',
    error: 'NetworkError',
    respond: async ({ echo, body, authorization }) => {
      throw { name: 'ProxyError', message: echo, request: { body, headers: { authorization } } }
    },
  },
  {
    name: 'fetch rejecting with a string echo',
    error: 'NetworkError',
    respond: async ({ echo }) => {
      throw `proxy refused: ${echo}`
    },
  },
  {
    name: 'a body stream that fails mid-way with the echo',
    error: 'NetworkError',
    respond: async ({ echo }) =>
      new Response(
        streamThenFail(`{"statusCode":200,"message":"${'y'.repeat(10)}`, new Error(echo)),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      ),
  },
  {
    name: 'a fetch that never answers (per-attempt timeout)',
    error: 'TimeoutError',
    respond: ({ signal }) =>
      new Promise<Response>((_, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason), { once: true })
      }),
  },
]
