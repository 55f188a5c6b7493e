import { describe, expect, test } from 'vitest'
import { clientOf, DTO, OK, rejection, useTestServer } from '../../test/client-harness.js'
import { json, text } from '../../test/http-test-server.js'
import { AuthingApiError } from '../errors/authing-api-error.js'
import { HttpError } from '../errors/http-error.js'
import type { AuthenticationClientOptions } from './options.js'

const BUSINESS_ERROR = {
  statusCode: 400,
  apiCode: 2001,
  message: 'invalid appSecret',
  requestId: 'rid-9',
}
const HTML_500 = '<!doctype html><html><body><h1>500 Internal Server Error</h1></body></html>'

const server = useTestServer()
const client = (options: Partial<AuthenticationClientOptions> = {}) => clientOf(server(), options)

describe('HTTP errors', () => {
  test('an HTML 500 page is retried twice, then becomes an HttpError with a body excerpt', async () => {
    server().setDefault(
      text(HTML_500, 500, { 'content-type': 'text/html', 'x-request-id': 'gw-1' }),
    )
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({
      name: 'HttpError',
      status: 500,
      requestId: 'gw-1',
      bodyExcerpt: HTML_500,
      request: { method: 'POST', url: `${server().url}/api/v3/get-wechat-access-token-info` },
    })
    expect((error as HttpError).message).toBe(
      `HTTP 500: POST ${server().url}/api/v3/get-wechat-access-token-info`,
    )
    expect(server().requests).toHaveLength(3)
  })

  test('a 503 followed by a 200 succeeds on the retry', async () => {
    server().enqueue(text('busy', 503))
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(server().requests).toHaveLength(2)
  })

  test('a 404 is not retried', async () => {
    server().setDefault(text('not found', 404))
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({ name: 'HttpError', status: 404, bodyExcerpt: 'not found' })
    expect(server().requests).toHaveLength(1)
  })

  test('retry limit 0 sends one request only', async () => {
    server().setDefault(text('busy', 503))
    await expect(client({ retry: 0 }).getWechatMpAccessTokenInfo(DTO)).rejects.toBeInstanceOf(
      HttpError,
    )
    expect(server().requests).toHaveLength(1)
  })

  test('a long HTML body is cut to a 512-character excerpt', async () => {
    server().setDefault(text(`<html>${'x'.repeat(2000)}</html>`, 502))
    const error = await rejection(client({ retry: 0 }).getWechatMpAccessTokenInfo(DTO))
    expect((error as HttpError).bodyExcerpt).toBe(`<html>${'x'.repeat(506)}…`)
  })
})

describe('429 and Retry-After', () => {
  test('waits at least Retry-After seconds, then succeeds', async () => {
    server().enqueue(
      json({ statusCode: 429, message: 'too many requests' }, 429, { 'retry-after': '1' }),
    )
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    const [first, second] = server().requests
    expect(server().requests).toHaveLength(2)
    expect((second?.receivedAt ?? 0) - (first?.receivedAt ?? 0)).toBeGreaterThanOrEqual(1000)
  })

  test('a 429 envelope after the last retry becomes an AuthingApiError with httpStatus 429', async () => {
    server().setDefault(
      json({ statusCode: 429, message: 'too many requests' }, 429, { 'retry-after': '0' }),
    )
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(AuthingApiError)
    expect(error).toMatchObject({
      statusCode: 429,
      httpStatus: 429,
      apiCode: undefined,
      serverMessage: 'too many requests',
    })
    expect(server().requests).toHaveLength(3)
  })
})

describe('business errors (statusCode other than 200)', () => {
  test('are returned as received by default, like the official SDK', async () => {
    server().setDefault(json(BUSINESS_ERROR))
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(BUSINESS_ERROR)
  })

  test('throw AuthingApiError with throwOnApiError', async () => {
    server().setDefault(json(BUSINESS_ERROR))
    const error = await rejection(client({ throwOnApiError: true }).getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(AuthingApiError)
    expect(error).toMatchObject({
      statusCode: 400,
      apiCode: 2001,
      requestId: 'rid-9',
      httpStatus: 200,
    })
    expect((error as Error).message).toBe(
      `Authing API error 400, apiCode 2001, requestId rid-9: invalid appSecret: POST ${server().url}/api/v3/get-wechat-access-token-info`,
    )
    expect(server().requests).toHaveLength(1)
  })

  test('follow the per-call throwOnApiError over the client setting, both ways', async () => {
    server().setDefault(json(BUSINESS_ERROR))
    await expect(
      client().getWechatMpAccessTokenInfo(DTO, { throwOnApiError: true }),
    ).rejects.toBeInstanceOf(AuthingApiError)
    await expect(
      client({ throwOnApiError: true }).getWechatMpAccessTokenInfo(DTO, { throwOnApiError: false }),
    ).resolves.toEqual(BUSINESS_ERROR)
  })
})

describe('redirects', () => {
  test('are not followed: a 302 becomes an HttpError naming the status', async () => {
    server().setDefault(text('', 302, { location: '/elsewhere' }))
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(HttpError)
    expect(error).toMatchObject({ status: 302 })
    expect((error as Error).message).toContain('HTTP 302 (redirects are not followed)')
    expect(server().requests.map((r) => r.url)).toEqual(['/api/v3/get-wechat-access-token-info'])
  })

  test('a 307 (which would resend the body) is not followed either', async () => {
    server().setDefault(text('', 307, { location: `${server().url}/stolen` }))
    await expect(client().getWechatMpAccessTokenInfo(DTO)).rejects.toMatchObject({ status: 307 })
    expect(server().requests).toHaveLength(1)
  })

  test('an opaque redirect (status 0, as browsers report it) is an HttpError too', async () => {
    const opaque = Response.redirect('https://example.com/', 302)
    Object.defineProperties(opaque, { status: { value: 0 }, type: { value: 'opaqueredirect' } })
    const c = client({ fetch: async () => opaque })
    const error = await rejection(c.getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({ name: 'HttpError', status: 0 })
    expect((error as Error).message).toContain(
      'HTTP 0 (opaque redirect; redirects are not followed)',
    )
  })
})
