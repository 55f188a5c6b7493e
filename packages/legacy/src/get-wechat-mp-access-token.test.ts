import { inspect } from 'node:util'
import { AuthenticationClient, type AuthenticationClientOptions } from '@authing-edge/core'
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import {
  createTestServer,
  json,
  type Reply,
  routes,
  type TestServer,
} from '../test/http-test-server.js'
import { silenceDeprecationWarnings } from './deprecation.js'
import { getWechatMpAccessToken } from './get-wechat-mp-access-token.js'
import { INFO_PATH, LEGACY_PATH, usesLegacyEndpoint } from './post-with-fallback.js'

const WECHAT_SECRET = 'wx-secret-"7f3a9c"-%+/'
const ACCESS_TOKEN = 'user-token-5d1e2b'
const DTO = { appId: 'wx0123456789', appSecret: WECHAT_SECRET }
const envelope = (accessToken: string) => ({
  statusCode: 200,
  message: 'ok',
  requestId: `req-${accessToken}`,
  data: { accessToken, expiresAt: '1700000000' },
})
const FROM_INFO = envelope('token-from-info-endpoint')
const FROM_LEGACY = envelope('token-from-legacy-endpoint')
/** What a NestJS-style server sends for a route it does not have. */
const NEST_404: Reply = json(
  { statusCode: 404, message: `Cannot POST ${INFO_PATH}`, error: 'Not Found' },
  404,
)

let server: TestServer

function client(options: Partial<AuthenticationClientOptions> = {}): AuthenticationClient {
  return new AuthenticationClient({ appId: 'authing-app-id', appHost: server.url, ...options })
}

const paths = () => server.requests.map((request) => request.url)

beforeAll(() => {
  // The warning itself is covered in authentication-client.test.ts and deprecation.test.ts.
  silenceDeprecationWarnings()
})

beforeEach(async () => {
  server = await createTestServer(routes({ [INFO_PATH]: json(FROM_INFO) }))
})

afterEach(async () => {
  await server.close()
})

describe('getWechatMpAccessToken (standalone)', () => {
  test('delegates to the -info endpoint with the same body and headers as core', async () => {
    const resp = await getWechatMpAccessToken(client({ accessToken: ACCESS_TOKEN }), DTO)
    expect(resp).toEqual(FROM_INFO)
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/api/v3/get-wechat-access-token-info')
    expect(request?.body).toBe(JSON.stringify(DTO))
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-authing-app-id': 'authing-app-id',
      authorization: ACCESS_TOKEN,
    })
  })

  test('keeps the appHost path prefix', async () => {
    server.respondWith(routes({ [`/sub${INFO_PATH}`]: json(FROM_INFO) }))
    await expect(
      getWechatMpAccessToken(client({ appHost: `${server.url}/sub/` }), DTO),
    ).resolves.toEqual(FROM_INFO)
    expect(paths()).toEqual([`/sub${INFO_PATH}`])
  })

  test('returns a business error envelope as received, like the official SDK', async () => {
    const failure = { statusCode: 400, apiCode: 2001, message: 'invalid appSecret', requestId: 'r' }
    server.respondWith(routes({ [INFO_PATH]: json(failure) }))
    await expect(getWechatMpAccessToken(client(), DTO)).resolves.toEqual(failure)
  })

  test('throws AuthingApiError for a business error when throwOnApiError is passed', async () => {
    server.respondWith(routes({ [INFO_PATH]: json({ statusCode: 400, message: 'no' }) }))
    await expect(
      getWechatMpAccessToken(client(), DTO, { throwOnApiError: true }),
    ).rejects.toMatchObject({ name: 'AuthingApiError', statusCode: 400, httpStatus: 200 })
  })

  test('rejects with the signal reason and sends nothing when already aborted', async () => {
    const reason = new Error('caller gave up')
    await expect(
      getWechatMpAccessToken(client(), DTO, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
    expect(server.requests).toHaveLength(0)
  })

  test('refuses an object that is not a client, before sending anything', async () => {
    const fake = { appId: 'a', appHost: server.url } as unknown as AuthenticationClient
    await expect(getWechatMpAccessToken(fake, DTO)).rejects.toMatchObject({
      name: 'ConfigError',
      option: 'client',
    })
    expect(server.requests).toHaveLength(0)
  })
})

describe('the fallback to the old endpoint', () => {
  test('calls the old path once when the -info path answers 404, and returns its envelope', async () => {
    server.respondWith(routes({ [LEGACY_PATH]: json(FROM_LEGACY) }))
    const c = client()
    await expect(getWechatMpAccessToken(c, DTO)).resolves.toEqual(FROM_LEGACY)
    expect(paths()).toEqual([INFO_PATH, LEGACY_PATH])
    expect(server.requests[1]?.body).toBe(JSON.stringify(DTO))
    expect(usesLegacyEndpoint(c)).toBe(true)
  })

  test('remembers it: the next calls of that client go straight to the old path', async () => {
    server.respondWith(routes({ [LEGACY_PATH]: json(FROM_LEGACY) }))
    const c = client()
    await getWechatMpAccessToken(c, DTO)
    await getWechatMpAccessToken(c, DTO)
    await getWechatMpAccessToken(c, DTO)
    expect(paths()).toEqual([INFO_PATH, LEGACY_PATH, LEGACY_PATH, LEGACY_PATH])
  })

  test('remembers it per client: another client tries the -info path first', async () => {
    server.respondWith(routes({ [LEGACY_PATH]: json(FROM_LEGACY) }))
    await getWechatMpAccessToken(client(), DTO)
    await getWechatMpAccessToken(client(), DTO)
    expect(paths()).toEqual([INFO_PATH, LEGACY_PATH, INFO_PATH, LEGACY_PATH])
  })

  test('also falls back on a JSON 404 envelope, as a NestJS-style server sends it', async () => {
    server.respondWith((request) => (request.url === LEGACY_PATH ? json(FROM_LEGACY) : NEST_404))
    await expect(getWechatMpAccessToken(client(), DTO)).resolves.toEqual(FROM_LEGACY)
    expect(paths()).toEqual([INFO_PATH, LEGACY_PATH])
  })

  test('does not fall back on a business statusCode 404 that came with HTTP 200', async () => {
    const notFound = { statusCode: 404, apiCode: 1404, message: 'application not found' }
    server.respondWith(routes({ [INFO_PATH]: json(notFound), [LEGACY_PATH]: json(FROM_LEGACY) }))
    await expect(getWechatMpAccessToken(client(), DTO)).resolves.toEqual(notFound)
    expect(paths()).toEqual([INFO_PATH])
  })

  test('does not fall back on other HTTP errors', async () => {
    server.respondWith((request) =>
      request.url === LEGACY_PATH ? json(FROM_LEGACY) : { status: 500, body: 'oops' },
    )
    await expect(getWechatMpAccessToken(client({ retry: 0 }), DTO)).rejects.toMatchObject({
      name: 'HttpError',
      status: 500,
    })
    expect(paths()).toEqual([INFO_PATH])
  })

  test('uses the per-call options for the fallback request too', async () => {
    server.respondWith(routes({ [LEGACY_PATH]: json({ statusCode: 403, message: 'denied' }) }))
    await expect(
      getWechatMpAccessToken(client(), DTO, { throwOnApiError: true }),
    ).rejects.toMatchObject({
      name: 'AuthingApiError',
      statusCode: 403,
      request: { method: 'POST', url: `${server.url}${LEGACY_PATH}` },
    })
  })

  test('when both paths answer 404, rejects with the old path 404 and tries -info again next time', async () => {
    server.respondWith(routes({}))
    const c = client()
    await expect(getWechatMpAccessToken(c, DTO)).rejects.toMatchObject({
      name: 'HttpError',
      status: 404,
      request: { url: `${server.url}${LEGACY_PATH}` },
    })
    expect(usesLegacyEndpoint(c)).toBe(false)
    await expect(getWechatMpAccessToken(c, DTO)).rejects.toMatchObject({ status: 404 })
    expect(paths()).toEqual([INFO_PATH, LEGACY_PATH, INFO_PATH, LEGACY_PATH])
  })

  test('logs the switch once through the client logger, without any secret', async () => {
    server.respondWith(routes({ [LEGACY_PATH]: json(FROM_LEGACY) }))
    const info = vi.fn()
    const c = client({ logger: { info }, accessToken: ACCESS_TOKEN })
    await getWechatMpAccessToken(c, DTO)
    await getWechatMpAccessToken(c, DTO)
    expect(info).toHaveBeenCalledTimes(1)
    expect(info).toHaveBeenCalledWith(expect.stringContaining('answered 404'), {
      from: INFO_PATH,
      to: LEGACY_PATH,
    })
    const logged = JSON.stringify(info.mock.calls)
    expect(logged).not.toContain(WECHAT_SECRET)
    expect(logged).not.toContain(ACCESS_TOKEN)
  })

  test('keeps secrets echoed by the 404 pages out of the error it throws', async () => {
    server.respondWith((request) => ({
      status: 404,
      body: `<pre>${request.body} ${String(request.headers.authorization)} ${WECHAT_SECRET}</pre>`,
      headers: { 'content-type': 'text/html', 'x-request-id': WECHAT_SECRET },
    }))
    const error: unknown = await getWechatMpAccessToken(
      client({ accessToken: ACCESS_TOKEN }),
      DTO,
    ).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ name: 'HttpError', status: 404 })
    const views = [
      error instanceof Error ? `${error.message}\n${error.stack}` : '',
      JSON.stringify(error),
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    ].join('\n')
    expect(views).toContain('[REDACTED]')
    expect(views).not.toContain(WECHAT_SECRET)
    expect(views).not.toContain(ACCESS_TOKEN)
  })
})
