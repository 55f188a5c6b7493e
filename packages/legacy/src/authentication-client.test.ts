import { AuthenticationClient as CoreAuthenticationClient } from '@authing-edge/core'
import { afterEach, beforeEach, describe, expect, type MockInstance, test, vi } from 'vitest'
import { createTestServer, json, routes, type TestServer } from '../test/http-test-server.js'
import { AuthenticationClient, type AuthenticationClientOptions } from './authentication-client.js'
import { silenceDeprecationWarnings } from './deprecation.js'
import { getWechatMpAccessToken } from './get-wechat-mp-access-token.js'
import { INFO_PATH, LEGACY_PATH } from './post-with-fallback.js'

const REGISTRY_KEY = Symbol.for('authing-edge.legacy.deprecations')
const DTO = { appId: 'wx0123456789', appSecret: 'wechat-secret-9c1f' }
const OK = { statusCode: 200, message: 'ok', data: { accessToken: 'wx-token', expiresAt: 1 } }
const WARNING = [
  expect.stringMatching(/^getWechatMpAccessToken is deprecated: .*getWechatMpAccessTokenInfo/),
  { type: 'DeprecationWarning', code: 'AUTHING_EDGE_DEP001' },
]

let server: TestServer
let emitWarning: MockInstance<typeof process.emitWarning>

function client(options: Partial<AuthenticationClientOptions> = {}): AuthenticationClient {
  return new AuthenticationClient({ appId: 'authing-app-id', appHost: server.url, ...options })
}

beforeEach(async () => {
  server = await createTestServer(routes({ [INFO_PATH]: json(OK), [LEGACY_PATH]: json(OK) }))
  // The real process.emitWarning, observed (and kept off the test output).
  emitWarning = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
})

afterEach(async () => {
  emitWarning.mockRestore()
  Reflect.deleteProperty(globalThis, REGISTRY_KEY)
  await server.close()
})

describe('AuthenticationClient (legacy)', () => {
  test('is a core AuthenticationClient with every core method', () => {
    const c = client()
    expect(c).toBeInstanceOf(CoreAuthenticationClient)
    expect(c.appHost).toBe(server.url)
    expect(typeof c.getWechatMpAccessTokenInfo).toBe('function')
    expect(typeof c.setAccessToken).toBe('function')
  })

  test('validates options like core does', () => {
    expect(
      () => new AuthenticationClient({ appHost: server.url } as AuthenticationClientOptions),
    ).toThrow(expect.objectContaining({ name: 'ConfigError', option: 'appId' }))
    expect(() => new AuthenticationClient(null as unknown as AuthenticationClientOptions)).toThrow(
      expect.objectContaining({ name: 'ConfigError', option: 'options' }),
    )
  })

  test('rejects a silenceDeprecationWarnings option that is not a boolean', () => {
    expect(() => client({ silenceDeprecationWarnings: 'yes' as unknown as boolean })).toThrow(
      expect.objectContaining({ name: 'ConfigError', option: 'silenceDeprecationWarnings' }),
    )
  })

  test('getWechatMpAccessToken delegates to the -info endpoint', async () => {
    await expect(client().getWechatMpAccessToken(DTO)).resolves.toEqual(OK)
    expect(server.requests.map((request) => request.url)).toEqual([INFO_PATH])
    expect(server.requests[0]?.body).toBe(JSON.stringify(DTO))
    expect(server.requests[0]?.headers['x-authing-app-id']).toBe('authing-app-id')
  })

  test('getWechatMpAccessToken falls back on 404 and then goes straight to the old path', async () => {
    server.respondWith(routes({ [LEGACY_PATH]: json(OK) }))
    const c = client()
    await expect(c.getWechatMpAccessToken(DTO)).resolves.toEqual(OK)
    await expect(c.getWechatMpAccessToken(DTO, { timeout: 5000 })).resolves.toEqual(OK)
    expect(server.requests.map((request) => request.url)).toEqual([
      INFO_PATH,
      LEGACY_PATH,
      LEGACY_PATH,
    ])
  })

  test('shares what it learnt with the standalone function for the same client', async () => {
    server.respondWith(routes({ [LEGACY_PATH]: json(OK) }))
    const c = client()
    await c.getWechatMpAccessToken(DTO)
    await getWechatMpAccessToken(c, DTO)
    expect(server.requests.map((request) => request.url)).toEqual([
      INFO_PATH,
      LEGACY_PATH,
      LEGACY_PATH,
    ])
  })
})

describe('the deprecation warning', () => {
  test('is emitted exactly once across many calls and several clients', async () => {
    const clients = [client(), client(), client({ accessToken: 'user-token' })]
    for (const c of clients) {
      await c.getWechatMpAccessToken(DTO)
      await c.getWechatMpAccessToken(DTO)
      await getWechatMpAccessToken(c, DTO)
    }
    await getWechatMpAccessToken(
      new CoreAuthenticationClient({ appId: 'a', appHost: server.url }),
      DTO,
    )
    expect(server.requests).toHaveLength(10)
    expect(emitWarning.mock.calls).toEqual([WARNING])
  })

  test('is emitted by the first call, before its request is sent', async () => {
    const pending = client().getWechatMpAccessToken(DTO)
    expect(emitWarning).toHaveBeenCalledTimes(1)
    await pending
  })

  test('is not emitted by getWechatMpAccessTokenInfo', async () => {
    await client().getWechatMpAccessTokenInfo(DTO)
    expect(emitWarning).not.toHaveBeenCalled()
  })

  test('goes to the client logger when it has one, and not to process.emitWarning', async () => {
    const warn = vi.fn()
    const c = client({ logger: { warn } })
    await c.getWechatMpAccessToken(DTO)
    await c.getWechatMpAccessToken(DTO)
    await client().getWechatMpAccessToken(DTO)
    expect(warn.mock.calls).toEqual([
      [
        WARNING[0],
        {
          code: 'AUTHING_EDGE_DEP001',
          deprecated: 'getWechatMpAccessToken',
          replacement: 'getWechatMpAccessTokenInfo',
        },
      ],
    ])
    expect(emitWarning).not.toHaveBeenCalled()
  })

  test('is never written for a client built with silenceDeprecationWarnings: true', async () => {
    const quiet = client({ silenceDeprecationWarnings: true, logger: { warn: vi.fn() } })
    await quiet.getWechatMpAccessToken(DTO)
    await getWechatMpAccessToken(quiet, DTO)
    expect(emitWarning).not.toHaveBeenCalled()
    expect(quiet.logger?.warn).not.toHaveBeenCalled()
    // A client that did not ask for silence still gets the one warning.
    await client().getWechatMpAccessToken(DTO)
    expect(emitWarning.mock.calls).toEqual([WARNING])
  })

  test('is never written after silenceDeprecationWarnings()', async () => {
    silenceDeprecationWarnings()
    const warn = vi.fn()
    await client().getWechatMpAccessToken(DTO)
    await client({ logger: { warn } }).getWechatMpAccessToken(DTO)
    expect(emitWarning).not.toHaveBeenCalled()
    expect(warn).not.toHaveBeenCalled()
  })

  test('is never written while process.noDeprecation is set (node --no-deprecation)', async () => {
    const before = process.noDeprecation
    process.noDeprecation = true
    try {
      await client().getWechatMpAccessToken(DTO)
      await client({ logger: { warn: vi.fn() } }).getWechatMpAccessToken(DTO)
    } finally {
      if (before === undefined) Reflect.deleteProperty(process, 'noDeprecation')
      else process.noDeprecation = before
    }
    expect(emitWarning).not.toHaveBeenCalled()
  })

  test('a logger that throws makes the call reject, never throw synchronously, and sends nothing', async () => {
    const thrown = new Error('logger is broken')
    const c = client({
      logger: {
        warn: () => {
          throw thrown
        },
      },
    })
    let pending: Promise<unknown> | undefined
    expect(() => {
      pending = c.getWechatMpAccessToken(DTO)
    }).not.toThrow()
    await expect(pending).rejects.toBe(thrown)
    expect(server.requests).toHaveLength(0)
  })
})
