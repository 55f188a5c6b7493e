import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createTestServer, json, type TestServer } from '../../test/http-test-server.js'
import { AuthenticationClient } from './authentication-client.js'
import type { FetchLike } from './options.js'

const PATH = '/api/v3/get-wechat-access-token-info'
const DTO = { appId: 'wx0123456789', appSecret: 'wechat-app-secret' }
const SUCCESS = {
  statusCode: 200,
  message: '操作成功',
  requestId: 'req-1',
  data: { accessToken: 'wechat-token', expiresAt: '1700000000', scope: 'kept' },
  extra: { kept: true },
}

let server: TestServer

beforeEach(async () => {
  server = await createTestServer(json(SUCCESS))
})

afterEach(async () => {
  await server.close()
})

function client(options: Partial<ConstructorParameters<typeof AuthenticationClient>[0]> = {}) {
  return new AuthenticationClient({ appId: 'authing-app-id', appHost: server.url, ...options })
}

/** Headers that fetch itself adds on every runtime (undici here); everything else must be ours. */
const TRANSPORT_HEADERS = new Set([
  'host',
  'connection',
  'content-length',
  'accept',
  'accept-language',
  'accept-encoding',
  'sec-fetch-mode',
  'user-agent',
])

function ourHeaders(headers: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !TRANSPORT_HEADERS.has(name)),
  )
}

describe('getWechatMpAccessTokenInfo', () => {
  test('sends POST to the info path with the dto as the exact JSON body and no query string', async () => {
    await client().getWechatMpAccessTokenInfo(DTO)
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe(PATH)
    expect(request?.body.toString('utf8')).toBe(
      '{"appId":"wx0123456789","appSecret":"wechat-app-secret"}',
    )
  })

  test('sends exactly content-type and x-authing-app-id when no access token is set', async () => {
    await client().getWechatMpAccessTokenInfo(DTO)
    expect(ourHeaders(server.requests[0]?.headers ?? {})).toEqual({
      'content-type': 'application/json',
      'x-authing-app-id': 'authing-app-id',
    })
  })

  test('sends the raw access token as authorization, without a Bearer prefix', async () => {
    await client({ accessToken: 'user-access-token' }).getWechatMpAccessTokenInfo(DTO)
    expect(ourHeaders(server.requests[0]?.headers ?? {})).toEqual({
      'content-type': 'application/json',
      'x-authing-app-id': 'authing-app-id',
      authorization: 'user-access-token',
    })
  })

  test('uses the token from setAccessToken on later calls, and stops sending it once cleared', async () => {
    const c = client()
    await c.getWechatMpAccessTokenInfo(DTO)
    c.setAccessToken('later-token')
    await c.getWechatMpAccessTokenInfo(DTO)
    c.setAccessToken(undefined)
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      undefined,
      'later-token',
      undefined,
    ])
  })

  test('sends the caller object as given: key order and extra fields kept', async () => {
    const dto = { appSecret: 's3cret', extra: 1, appId: 'wx1' }
    await client().getWechatMpAccessTokenInfo(dto)
    expect(server.requests[0]?.body.toString('utf8')).toBe(JSON.stringify(dto))
  })

  test('adds extra headers but never lets them replace content-type or the app id header', async () => {
    await client({
      headers: { 'X-Trace': 'abc', 'Content-Type': 'text/plain', 'x-authing-app-id': 'other' },
    }).getWechatMpAccessTokenInfo(DTO)
    const headers = server.requests[0]?.headers
    expect(headers?.['x-trace']).toBe('abc')
    expect(headers?.['content-type']).toBe('application/json')
    expect(headers?.['x-authing-app-id']).toBe('authing-app-id')
  })

  test('returns the validated envelope as received, unknown fields included', async () => {
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(SUCCESS)
  })

  test('sends the request to the path prefix of the app host', async () => {
    await client({ appHost: `${server.url}/sub/` }).getWechatMpAccessTokenInfo(DTO)
    expect(server.requests[0]?.url).toBe(`/sub${PATH}`)
  })

  test('strips repeated trailing slashes from the app host', async () => {
    await client({ appHost: `${server.url}///` }).getWechatMpAccessTokenInfo(DTO)
    expect(server.requests[0]?.url).toBe(PATH)
  })
})

describe('the app id header', () => {
  function recordingFetch(seen: Request[]): FetchLike {
    return async (request) => {
      seen.push(request)
      return Response.json(SUCCESS)
    }
  }

  test('is x-genauth-app-id for hosts under genauth.ai', async () => {
    const seen: Request[] = []
    const c = new AuthenticationClient({
      appId: 'gid',
      appHost: 'example.genauth.ai',
      fetch: recordingFetch(seen),
    })
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(seen[0]?.headers.get('x-genauth-app-id')).toBe('gid')
    expect(seen[0]?.headers.has('x-authing-app-id')).toBe(false)
  })

  test('is x-authing-app-id for a host that merely contains genauth.ai', async () => {
    const seen: Request[] = []
    const c = new AuthenticationClient({
      appId: 'aid',
      appHost: 'genauth.ai.example.com',
      fetch: recordingFetch(seen),
    })
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(seen[0]?.headers.get('x-authing-app-id')).toBe('aid')
    expect(seen[0]?.headers.has('x-genauth-app-id')).toBe(false)
  })

  test('follows the appIdHeader option over the host, both ways', async () => {
    await client({ appIdHeader: 'x-genauth-app-id' }).getWechatMpAccessTokenInfo(DTO)
    expect(server.requests[0]?.headers['x-genauth-app-id']).toBe('authing-app-id')
    expect(server.requests[0]?.headers['x-authing-app-id']).toBeUndefined()

    const seen: Request[] = []
    const c = new AuthenticationClient({
      appId: 'aid',
      appHost: 'example.genauth.ai',
      appIdHeader: 'x-authing-app-id',
      fetch: recordingFetch(seen),
    })
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(seen[0]?.headers.get('x-authing-app-id')).toBe('aid')
    expect(seen[0]?.headers.has('x-genauth-app-id')).toBe(false)
  })
})

describe('appHost normalisation, as requested', () => {
  test.each([
    ['example.authing.cn', 'https://example.authing.cn'],
    ['https://example.authing.cn', 'https://example.authing.cn'],
    ['https://example.authing.cn/', 'https://example.authing.cn'],
    ['https://example.authing.cn///', 'https://example.authing.cn'],
    ['example.authing.cn/', 'https://example.authing.cn'],
    ['https://example.authing.cn/sub/', 'https://example.authing.cn/sub'],
    ['https://example.authing.cn/sub///', 'https://example.authing.cn/sub'],
    ['example.authing.cn/sub', 'https://example.authing.cn/sub'],
    ['https://EXAMPLE.Authing.cn:8443/', 'https://example.authing.cn:8443'],
    ['  https://example.authing.cn  ', 'https://example.authing.cn'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['localhost:3000', 'https://localhost:3000'],
  ])('%j sends to %s/api/v3/get-wechat-access-token-info', async (appHost, expected) => {
    const seen: string[] = []
    const c = new AuthenticationClient({
      appId: 'aid',
      appHost,
      fetch: async (request) => {
        seen.push(request.url)
        return Response.json(SUCCESS)
      },
    })
    expect(c.appHost).toBe(expected)
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(seen).toEqual([`${expected}${PATH}`])
  })
})

describe('the injected fetch', () => {
  test('is called unbound, as Cloudflare Workers require', async () => {
    const thisValues: unknown[] = []
    const c = client({
      fetch: function (this: unknown, request: Request) {
        thisValues.push(this)
        return globalThis.fetch(request)
      },
    })
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(thisValues).toEqual([undefined])
    expect(server.requests).toHaveLength(1)
  })

  test('falls back to the global fetch, read at call time', async () => {
    const original = globalThis.fetch
    let calls = 0
    const c = client()
    globalThis.fetch = (input, init) => {
      calls++
      return original(input, init)
    }
    try {
      await c.getWechatMpAccessTokenInfo(DTO)
    } finally {
      globalThis.fetch = original
    }
    expect(calls).toBe(1)
  })
})

describe('client properties', () => {
  test('expose appId, the normalised appHost and the logger, but no secret', () => {
    const logger = { debug: () => undefined }
    const c = new AuthenticationClient({
      appId: 'aid',
      appHost: 'example.authing.cn/',
      appSecret: 'authing-app-secret',
      accessToken: 'user-token',
      logger,
    })
    expect(c.appId).toBe('aid')
    expect(c.appHost).toBe('https://example.authing.cn')
    expect(c.logger).toBe(logger)
    expect(JSON.stringify(c)).not.toContain('authing-app-secret')
    expect(JSON.stringify(c)).not.toContain('user-token')
  })
})
