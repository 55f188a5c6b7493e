import { afterEach, describe, expect, test, vi } from 'vitest'
import { clientOf, DTO, OK, rejection, useTestServer } from '../../test/client-harness.js'
import { offlineClient, stubGlobalFetch } from '../../test/global-fetch.js'
import { TimeoutError } from '../errors/timeout-error.js'

// The direct path: no fetch injected and no user hook, so the global fetch gets the URL and the
// JSON string itself, on the first attempt (sent without ky, see first-attempt.test.ts) and on
// the retries ky drives. A stubbed global fetch shows what it is handed (and fake timers the
// waits); a real server shows what goes out.

const URL_ = 'https://example.authing.cn/api/v3/get-wechat-access-token-info'

const busy = (retryAfter: string) => () =>
  Response.json(
    { statusCode: 503, message: 'busy' },
    { status: 503, headers: { 'retry-after': retryAfter } },
  )

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the direct path', () => {
  test('calls the global fetch unbound with the URL, POST, the exact JSON string and manual redirects', async () => {
    const calls = stubGlobalFetch()
    const dto = { appSecret: 'wechat-app-secret', appId: 'wx1', extra: [1] }
    await expect(offlineClient().getWechatMpAccessTokenInfo(dto)).resolves.toEqual(OK)
    expect(calls).toHaveLength(1)
    const [call] = calls
    expect(call?.self).toBeUndefined()
    expect(call?.input).toBe(URL_)
    expect(call?.init?.method).toBe('POST')
    expect(call?.init?.body).toBe(JSON.stringify(dto))
    expect(call?.init?.redirect).toBe('manual')
    expect(call?.init?.signal).toBeInstanceOf(AbortSignal)
    expect(call?.init?.headers).toEqual({
      'content-type': 'application/json',
      'x-authing-app-id': 'aid',
    })
  })

  test('passes the access token and the GenAuth app id header in its headers', async () => {
    const calls = stubGlobalFetch()
    const c = offlineClient({ appHost: 'example.genauth.ai', headers: { 'X-Trace': 't1' } })
    c.setAccessToken('user-token')
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(calls[0]?.init?.headers).toEqual({
      'x-trace': 't1',
      'content-type': 'application/json',
      'x-genauth-app-id': 'aid',
      authorization: 'user-token',
    })
  })

  test('is kept when the hooks option holds no hook', async () => {
    const calls = stubGlobalFetch()
    await offlineClient({
      hooks: { beforeRequest: [], afterResponse: [] },
    }).getWechatMpAccessTokenInfo(DTO)
    expect(calls[0]?.input).toBe(URL_)
  })

  test('waits out Retry-After between attempts and sends the same body each time', async () => {
    vi.useFakeTimers()
    const calls = stubGlobalFetch([busy('3')])
    const call = offlineClient().getWechatMpAccessTokenInfo(DTO)
    await vi.advanceTimersByTimeAsync(2999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls).toHaveLength(2)
    await expect(call).resolves.toEqual(OK)
    expect(calls.map((c) => c.init?.body)).toEqual([JSON.stringify(DTO), JSON.stringify(DTO)])
  })

  test('aborts the signal it passed when the per-attempt timeout fires during the body read', async () => {
    vi.useFakeTimers()
    const head = new TextEncoder().encode('{"statusCode":200,')
    // Like a real fetch: the body stream fails once the request's signal aborts.
    const calls = stubGlobalFetch([
      (init) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(head)
              init?.signal?.addEventListener('abort', () => controller.error(init.signal?.reason))
            },
          }),
        ),
    ])
    const settled = offlineClient({ timeout: 1000 })
      .getWechatMpAccessTokenInfo(DTO)
      .catch((e) => e)
    await vi.advanceTimersByTimeAsync(1000)
    expect(await settled).toBeInstanceOf(TimeoutError)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.init?.signal?.aborted).toBe(true)
  })

  test('a caller abort during a retry backoff rejects at once with the caller reason', async () => {
    vi.useFakeTimers()
    const calls = stubGlobalFetch([busy('30')])
    const controller = new AbortController()
    const reason = new Error('shutting down')
    const settled = offlineClient()
      .getWechatMpAccessTokenInfo(DTO, { signal: controller.signal })
      .catch((e) => e)
    // The 503 is in; the client now waits out its 30 s Retry-After.
    await vi.advanceTimersByTimeAsync(1000)
    controller.abort(reason)
    await vi.advanceTimersByTimeAsync(0)
    expect(await settled).toBe(reason)
    expect(calls).toHaveLength(1)
  })

  test('still reports retries to the logger, whose hook is not a user hook', async () => {
    vi.useFakeTimers()
    const lines: unknown[] = []
    const calls = stubGlobalFetch([busy('0')])
    const call = offlineClient({ logger: { debug: (_message, fields) => lines.push(fields) } })
    const result = call.getWechatMpAccessTokenInfo(DTO)
    await vi.advanceTimersByTimeAsync(10)
    await expect(result).resolves.toEqual(OK)
    expect(calls.map((c) => c.input)).toEqual([URL_, URL_])
    expect(lines).toEqual([{ method: 'POST', url: URL_, retry: 1, reason: 'HTTP 503' }])
  })
})

describe('the direct path against a real server', () => {
  const server = useTestServer()

  test('closes the connection when the timeout fires while the body is still arriving', async () => {
    server().setDefault((_captured, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"statusCode":200,')
    })
    const error = await rejection(
      clientOf(server(), { timeout: 100 }).getWechatMpAccessTokenInfo(DTO),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    await server().waitForAbandoned(1)
  })
})

describe('with user hooks, ky’s Request is what fetch gets', () => {
  const server = useTestServer()

  test('a beforeRequest hook that replaces the request changes the path, headers and body sent', async () => {
    const c = clientOf(server(), {
      hooks: {
        beforeRequest: [
          (request) => {
            const headers = new Headers(request.headers)
            headers.set('x-hook', 'yes')
            return new Request(`${server().url}/elsewhere`, {
              method: 'POST',
              headers,
              body: '{"replaced":true}',
            })
          },
        ],
      },
    })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    const [sent] = server().requests
    expect(sent?.url).toBe('/elsewhere')
    expect(sent?.headers['x-hook']).toBe('yes')
    expect(sent?.headers['x-authing-app-id']).toBe('authing-app-id')
    expect(sent?.body.toString('utf8')).toBe('{"replaced":true}')
  })

  test('a beforeRequest hook that edits the headers in place is honoured', async () => {
    const c = clientOf(server(), {
      accessToken: 'user-token',
      hooks: { beforeRequest: [(request) => void request.headers.set('x-hook', 'in-place')] },
    })
    await c.getWechatMpAccessTokenInfo(DTO)
    const [sent] = server().requests
    expect(sent?.headers['x-hook']).toBe('in-place')
    expect(sent?.headers.authorization).toBe('user-token')
    expect(sent?.body.toString('utf8')).toBe(JSON.stringify(DTO))
  })

  test('a beforeRetry hook sees the request with its body, and can change the retry', async () => {
    server().enqueue((_captured, res) => {
      res.writeHead(503)
      res.end()
    })
    const seenBodies: string[] = []
    const c = clientOf(server(), {
      hooks: {
        beforeRetry: [
          async ({ request }) => {
            seenBodies.push(await request.clone().text())
            request.headers.set('x-retry', '1')
          },
        ],
      },
    })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(seenBodies).toEqual([JSON.stringify(DTO)])
    expect(server().requests.map((r) => r.headers['x-retry'])).toEqual([undefined, '1'])
    expect(server().requests.map((r) => r.body.toString('utf8'))).toEqual([
      JSON.stringify(DTO),
      JSON.stringify(DTO),
    ])
  })

  test('an afterResponse hook can still read the response body', async () => {
    let seen: unknown
    const c = clientOf(server(), {
      hooks: {
        afterResponse: [
          async (_request, _options, response) => {
            seen = await response.json()
          },
        ],
      },
    })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(seen).toEqual(OK)
  })
})

describe('an injected fetch', () => {
  test('gets ky’s Request, carrying the exact body and the headers', async () => {
    const seen: { url: string; body: string; type: string | null }[] = []
    const c = offlineClient({
      fetch: async (request) => {
        seen.push({
          url: request.url,
          body: await request.text(),
          type: request.headers.get('content-type'),
        })
        return Response.json(OK)
      },
    })
    await c.getWechatMpAccessTokenInfo(DTO)
    expect(seen).toEqual([{ url: URL_, body: JSON.stringify(DTO), type: 'application/json' }])
  })
})
