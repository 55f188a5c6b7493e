import { describe, expect, test } from 'vitest'
import { clientOf, DTO, OK, rejection, useTestServer } from '../../test/client-harness.js'
import { offlineClient } from '../../test/global-fetch.js'
import { createTestServer, hang, reset } from '../../test/http-test-server.js'
import { ConfigError } from '../errors/config-error.js'
import { NetworkError } from '../errors/network-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import { AuthenticationClient } from './authentication-client.js'
import type { AuthenticationClientOptions } from './options.js'

const server = useTestServer()
const client = (options: Partial<AuthenticationClientOptions> = {}) => clientOf(server(), options)

describe('timeouts', () => {
  test('an attempt that gets no answer within timeout becomes a TimeoutError', async () => {
    server().setDefault(hang)
    const error = await rejection(client({ timeout: 100 }).getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ timeout: 100 })
    // The server may read the request after the client gave up on it (a loaded machine): wait for
    // it, and for the closed connection, before counting, so that only a retry can fail the count.
    await server().waitForRequests(1)
    await server().waitForAbandoned(1)
    expect(server().requests).toHaveLength(1)
  })

  test('the timeout also covers reading the body', async () => {
    server().setDefault((_captured, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.write('{"statusCode":200,')
    })
    const error = await rejection(client({ timeout: 100 }).getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(TimeoutError)
  })

  test('the per-call timeout overrides the client one', async () => {
    server().setDefault(hang)
    const error = await rejection(
      client({ timeout: 60_000 }).getWechatMpAccessTokenInfo(DTO, { timeout: 50 }),
    )
    expect(error).toMatchObject({ name: 'TimeoutError', timeout: 50 })
  })

  test('are retried with retry.retryOnTimeout', async () => {
    server().enqueue(hang)
    const c = client({ timeout: 100, retry: { backoffLimit: 1, retryOnTimeout: true } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(server().requests).toHaveLength(2)
  })
})

describe('network errors', () => {
  test('a reset connection is retried twice, then becomes a NetworkError', async () => {
    server().setDefault(reset)
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(NetworkError)
    expect((error as Error).message).toBe(
      `Network error (fetch failed): POST ${server().url}/api/v3/get-wechat-access-token-info`,
    )
    expect(server().requests).toHaveLength(3)
  })

  test('a reset followed by a 200 succeeds', async () => {
    server().enqueue(reset)
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(server().requests).toHaveLength(2)
  })

  test("workerd's 'Network connection lost.' is retried like Node's fetch failed", async () => {
    // workerd rejects a dropped connection with a plain Error that ky does not know as a
    // network error; without the wrapper's translation this fails after a single attempt.
    let attempts = 0
    const fetch = async (): Promise<Response> => {
      attempts++
      if (attempts < 3) throw new Error('Network connection lost.')
      return Response.json(OK)
    }
    const c = offlineClient({ fetch, retry: { backoffLimit: 1 } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(attempts).toBe(3)
  })

  test('a lost connection on every attempt becomes a NetworkError after the retries', async () => {
    let attempts = 0
    const fetch = async (): Promise<Response> => {
      attempts++
      throw new Error('Network connection lost.')
    }
    const c = offlineClient({ fetch, retry: { backoffLimit: 1 } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).rejects.toBeInstanceOf(NetworkError)
    expect(attempts).toBe(3)
  })

  test('an authing-edge error thrown by an injected fetch comes out as it is, not retried', async () => {
    let attempts = 0
    const thrown = new ConfigError('fetch', 'the wrapper has no upstream configured')
    const fetch = async (): Promise<Response> => {
      attempts++
      throw thrown
    }
    const c = offlineClient({ fetch, retry: { backoffLimit: 1 } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).rejects.toBe(thrown)
    expect(attempts).toBe(1)
  })

  test('a refused connection becomes a NetworkError', async () => {
    const closed = await createTestServer()
    const url = closed.url
    await closed.close()
    const c = new AuthenticationClient({ appId: 'a', appHost: url, retry: 0 })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).rejects.toBeInstanceOf(NetworkError)
  })
})

describe('ConfigError before any request', () => {
  test.each([
    ['a missing appSecret', { appId: 'wx1' }, 'dto.appSecret'],
    ['an empty appSecret', { appId: 'wx1', appSecret: '' }, 'dto.appSecret'],
    ['a numeric appId', { appId: 1, appSecret: 's' }, 'dto.appId'],
    ['an empty appId', { appId: '', appSecret: 's' }, 'dto.appId'],
    ['no dto at all', undefined, 'dto'],
  ])('%s', async (_label, dto, option) => {
    const error = await rejection(
      // @ts-expect-error: deliberately malformed input, as plain JavaScript callers could pass
      client().getWechatMpAccessTokenInfo(dto),
    )
    expect(error).toBeInstanceOf(ConfigError)
    expect(error).toMatchObject({ option })
    expect(server().requests).toHaveLength(0)
  })

  test.each([
    ['a zero timeout', { timeout: 0 }, 'options.timeout'],
    ['a non-boolean throwOnApiError', { throwOnApiError: 'yes' }, 'options.throwOnApiError'],
    ['a signal that is not an AbortSignal', { signal: {} }, 'options.signal'],
  ])('%s in the call options', async (_label, options, option) => {
    // @ts-expect-error: deliberately malformed options
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO, options))
    expect(error).toMatchObject({ name: 'ConfigError', option })
    expect(server().requests).toHaveLength(0)
  })
})
