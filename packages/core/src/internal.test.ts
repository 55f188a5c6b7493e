import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createTestServer, json, type TestServer, text } from '../test/http-test-server.js'
import { AuthenticationClient } from './index.js'
import { postWechatAccessToken } from './internal.js'

const DTO = { appId: 'wx1', appSecret: 'wechat-app-secret' }
const OK = {
  statusCode: 200,
  message: 'ok',
  data: { accessToken: 'legacy-token', expiresAt: '1700000000' },
}

let server: TestServer

beforeEach(async () => {
  server = await createTestServer(json(OK))
})

afterEach(async () => {
  await server.close()
})

describe('postWechatAccessToken (internal, for @authing-edge/legacy)', () => {
  test('sends the deprecated path through the client pipeline with the same headers and body', async () => {
    const client = new AuthenticationClient({
      appId: 'aid',
      appHost: `${server.url}/prefix`,
      accessToken: 'tok',
    })
    await expect(
      postWechatAccessToken(client, '/api/v3/get-wechat-access-token', DTO),
    ).resolves.toEqual(OK)
    const [request] = server.requests
    expect(request?.method).toBe('POST')
    expect(request?.url).toBe('/prefix/api/v3/get-wechat-access-token')
    expect(request?.body.toString('utf8')).toBe(JSON.stringify(DTO))
    expect(request?.headers).toMatchObject({
      'content-type': 'application/json',
      'x-authing-app-id': 'aid',
      authorization: 'tok',
    })
  })

  test('shares retries and typed errors with the client', async () => {
    server.setDefault(text('<html>bad gateway</html>', 502))
    const client = new AuthenticationClient({
      appId: 'aid',
      appHost: server.url,
      retry: { limit: 1, backoffLimit: 1 },
    })
    await expect(
      postWechatAccessToken(client, '/api/v3/get-wechat-access-token', DTO),
    ).rejects.toMatchObject({
      name: 'HttpError',
      status: 502,
      request: { url: `${server.url}/api/v3/get-wechat-access-token` },
    })
    expect(server.requests).toHaveLength(2)
  })

  test('refuses an object that is not a client from this package', async () => {
    const fake = { appId: 'aid', appHost: server.url } as unknown as AuthenticationClient
    await expect(
      postWechatAccessToken(fake, '/api/v3/get-wechat-access-token', DTO),
    ).rejects.toMatchObject({ name: 'ConfigError', option: 'client' })
    expect(server.requests).toHaveLength(0)
  })
})
