import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  createTestServer,
  type Handler,
  hang,
  json,
  reset,
  type TestServer,
  text,
} from '../../test/http-test-server.js'
import { AuthenticationClient } from './authentication-client.js'
import type { AuthenticationClientOptions } from './options.js'

// Distinctive secrets with characters that JSON and URLs escape, so every echoed form is tried.
const WECHAT_SECRET = 'WxSecret "q7f3a9c" \\b/ é+%z1'
const ACCESS_TOKEN = 'UsrTok-"5d1e2b"\\x/+%-k2'
const AUTHING_SECRET = 'AuthApp-0b9d7c6e/+%-s3'
const SECRETS = [WECHAT_SECRET, ACCESS_TOKEN, AUTHING_SECRET]
const DTO = { appId: 'wx0123456789', appSecret: WECHAT_SECRET }

/** Every form a secret can take: raw, JSON-escaped, percent-encoded (both space styles). */
const FORMS = SECRETS.flatMap((secret) => [
  secret,
  JSON.stringify(secret).slice(1, -1),
  encodeURIComponent(secret),
  encodeURIComponent(secret).replaceAll('%20', '+'),
])
/** Any 8 consecutive characters of any form counts as a leak, so partial secrets are caught too. */
const WINDOWS = [
  ...new Set(
    FORMS.flatMap((form) => [...Array(form.length - 7).keys()].map((i) => form.slice(i, i + 8))),
  ),
]

function leaksIn(haystack: string): string[] {
  return WINDOWS.filter((window) => haystack.includes(window))
}

/** Every string view of an error: message, stack, JSON, inspect, and each own property, deeply. */
function viewsOf(error: unknown): string[] {
  const views: string[] = []
  const seen = new Set<unknown>()
  const walk = (value: unknown): void => {
    if (typeof value === 'string') views.push(value)
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    for (const key of Reflect.ownKeys(value)) {
      views.push(String(key))
      walk(Reflect.get(value, key))
    }
  }
  walk(error)
  if (error instanceof Error) views.push(error.message, error.stack ?? '')
  views.push(
    JSON.stringify(error) ?? '',
    inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  )
  return views
}

/** The request as the server saw it, echoed back in every place a careless server might. */
const echo =
  (status: number, wrap: (raw: string) => string): Handler =>
  (captured, res) => {
    const raw = `${captured.body.toString('utf8')} auth=${String(captured.headers.authorization)}`
    res.writeHead(status, {
      'content-type': 'text/html',
      'x-request-id': `id-${encodeURIComponent(WECHAT_SECRET)}`,
    })
    res.end(wrap(raw))
  }

const paths: [string, Handler, Partial<AuthenticationClientOptions>?][] = [
  [
    'an HTML 500 that echoes the request',
    echo(500, (raw) => `<pre>${raw}\n${WECHAT_SECRET}\n${encodeURIComponent(ACCESS_TOKEN)}</pre>`),
  ],
  [
    'a 400 whose JSON body echoes the secrets',
    json({ error: SECRETS, requestId: ACCESS_TOKEN }, 400),
  ],
  [
    'a business error that echoes them',
    json({
      statusCode: 400,
      message: `bad ${WECHAT_SECRET} ${ACCESS_TOKEN}`,
      requestId: AUTHING_SECRET,
    }),
    { throwOnApiError: true },
  ],
  [
    'a 429 envelope that echoes them',
    json({ statusCode: 429, message: `slow ${WECHAT_SECRET}`, requestId: ACCESS_TOKEN }, 429, {
      'retry-after': '0',
    }),
  ],
  [
    'a wrong-typed data field holding a secret',
    json({ statusCode: 200, message: 'ok', data: WECHAT_SECRET }),
  ],
  [
    'a wrong-typed accessToken and expiresAt holding secrets',
    json({
      statusCode: 200,
      message: 'ok',
      data: { accessToken: [ACCESS_TOKEN], expiresAt: WECHAT_SECRET },
    }),
  ],
  [
    'a wrong-typed business message holding a secret',
    json({ statusCode: 500, message: { echo: WECHAT_SECRET }, requestId: 7 }),
  ],
  [
    'malformed JSON with a secret in content-type',
    text(`{"x":"${WECHAT_SECRET}"`, 200, {
      'content-type': `text/${encodeURIComponent(ACCESS_TOKEN)}`,
    }),
  ],
  [
    'an oversized body echoing secrets',
    echo(503, (raw) => raw.repeat(400)),
    { maxResponseBytes: 2048 },
  ],
  [
    'a redirect whose location carries the secret',
    text('', 302, { location: `/x?s=${encodeURIComponent(WECHAT_SECRET)}` }),
  ],
  ['a reset connection', reset],
  ['a timeout', hang, { timeout: 50 }],
]

let server: TestServer
const logLines: string[] = []
const logger = {
  debug: (...args: unknown[]) =>
    void logLines.push(inspect(args, { depth: Number.POSITIVE_INFINITY })),
  info: (...args: unknown[]) =>
    void logLines.push(inspect(args, { depth: Number.POSITIVE_INFINITY })),
  warn: (...args: unknown[]) =>
    void logLines.push(inspect(args, { depth: Number.POSITIVE_INFINITY })),
  error: (...args: unknown[]) =>
    void logLines.push(inspect(args, { depth: Number.POSITIVE_INFINITY })),
}

beforeAll(async () => {
  server = await createTestServer()
})

afterAll(async () => {
  await server.close()
})

function client(options: Partial<AuthenticationClientOptions> = {}) {
  return new AuthenticationClient({
    appId: 'authing-app-id',
    appHost: server.url,
    appSecret: AUTHING_SECRET,
    accessToken: ACCESS_TOKEN,
    retry: { backoffLimit: 1 },
    logger,
    ...options,
  })
}

describe('no secret leaks', () => {
  test('the leak detector finds a secret in every form it checks', () => {
    for (const form of FORMS) expect(leaksIn(`error: ${form.slice(3, 12)}`)).not.toEqual([])
  })

  test.each(paths)('through %s', async (_label, handler, options) => {
    server.setDefault(handler)
    const before = server.requests.length
    const error = await client(options)
      .getWechatMpAccessTokenInfo(DTO)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    expect(server.requests.length).toBeGreaterThan(before)
    const views = viewsOf(error)
    expect(views.flatMap(leaksIn)).toEqual([])
  })

  test('through a custom fetch whose error message and causes quote the secrets', async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error(`socket hang up ${ACCESS_TOKEN}`), {
          code: WECHAT_SECRET,
          cause: new Error(`deep ${AUTHING_SECRET}`),
        }),
      })
    }
    const error = await client({ fetch, retry: 0 })
      .getWechatMpAccessTokenInfo(DTO)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ name: 'NetworkError' })
    // The cause chain is kept for debugging, scrubbed.
    expect(inspect(error)).toContain('socket hang up [REDACTED]')
    expect(viewsOf(error).flatMap(leaksIn)).toEqual([])
  })

  test('through option errors and the client object itself', async () => {
    const errors = [
      await client()
        .getWechatMpAccessTokenInfo({ appId: '', appSecret: WECHAT_SECRET })
        .catch((e: unknown) => e),
      (() => {
        try {
          client({ timeout: Number.NaN })
          return undefined
        } catch (e) {
          return e
        }
      })(),
    ]
    expect(errors.map((e) => (e as Error | undefined)?.name)).toEqual([
      'ConfigError',
      'ConfigError',
    ])
    const c = client()
    expect(
      [
        ...errors.flatMap(viewsOf),
        inspect(c, { showHidden: true, depth: 5 }),
        JSON.stringify(c),
      ].flatMap(leaksIn),
    ).toEqual([])
  })

  test('in log lines (retries were logged and checked)', () => {
    expect(logLines.length).toBeGreaterThan(0)
    expect(logLines.flatMap(leaksIn)).toEqual([])
  })
})
