import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { AuthenticationClient } from './authentication-client.js'

const BASE = { appId: 'aid', appHost: 'example.authing.cn' }

function configErrorOf(options: unknown): ConfigError {
  try {
    // @ts-expect-error: deliberately malformed options, as plain JavaScript callers could pass
    new AuthenticationClient(options)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('client options', () => {
  test.each([
    ['no options at all', undefined, 'options'],
    ['a missing appId', { appHost: 'example.authing.cn' }, 'appId'],
    ['an empty appId', { ...BASE, appId: '' }, 'appId'],
    ['a numeric appId', { ...BASE, appId: 42 }, 'appId'],
    ['a missing appHost', { appId: 'aid' }, 'appHost'],
    ['an empty appHost', { ...BASE, appHost: '   ' }, 'appHost'],
    ['an unparsable appHost', { ...BASE, appHost: 'https://exa mple.cn' }, 'appHost'],
    ['an ftp appHost', { ...BASE, appHost: 'ftp://example.authing.cn' }, 'appHost'],
    ['an appHost with a query', { ...BASE, appHost: 'https://example.authing.cn/?x=1' }, 'appHost'],
    [
      'an appHost with credentials',
      { ...BASE, appHost: 'https://user:pw@example.authing.cn' },
      'appHost',
    ],
    [
      'an appHost with a broken scheme',
      { ...BASE, appHost: 'https:/example.authing.cn' },
      'appHost',
    ],
    ['plain http to a remote host', { ...BASE, appHost: 'http://example.authing.cn' }, 'appHost'],
    ['an empty appSecret', { ...BASE, appSecret: '' }, 'appSecret'],
    ['an empty accessToken', { ...BASE, accessToken: '' }, 'accessToken'],
    ['a zero timeout', { ...BASE, timeout: 0 }, 'timeout'],
    ['a fractional timeout', { ...BASE, timeout: 1.5 }, 'timeout'],
    ['a timeout beyond the largest timer', { ...BASE, timeout: 2 ** 31 }, 'timeout'],
    ['a string timeout', { ...BASE, timeout: '1000' }, 'timeout'],
    ['a negative retry count', { ...BASE, retry: -1 }, 'retry'],
    ['a retry array', { ...BASE, retry: [] }, 'retry'],
    ['a null retry', { ...BASE, retry: null }, 'retry'],
    ['a fractional retry.limit', { ...BASE, retry: { limit: 0.5 } }, 'retry.limit'],
    [
      'a negative retry.backoffLimit',
      { ...BASE, retry: { backoffLimit: -1 } },
      'retry.backoffLimit',
    ],
    [
      'an infinite retry.maxRetryAfter',
      { ...BASE, retry: { maxRetryAfter: Number.POSITIVE_INFINITY } },
      'retry.maxRetryAfter',
    ],
    [
      'a string retry.retryOnTimeout',
      { ...BASE, retry: { retryOnTimeout: 'no' } },
      'retry.retryOnTimeout',
    ],
    ['a fetch that is not a function', { ...BASE, fetch: 'fetch' }, 'fetch'],
    ['headers that are not an object', { ...BASE, headers: 'x: y' }, 'headers'],
    ['a header value that is not a string', { ...BASE, headers: { 'x-n': 1 } }, 'headers.x-n'],
    ['an invalid header name', { ...BASE, headers: { 'bad name': 'v' } }, 'headers.bad name'],
    [
      'hooks that are not arrays',
      { ...BASE, hooks: { beforeRetry: () => undefined } },
      'hooks.beforeRetry',
    ],
    ['a hook ky 1 does not have', { ...BASE, hooks: { init: [() => undefined] } }, 'hooks.init'],
    ['a null logger', { ...BASE, logger: null }, 'logger'],
    ['a string throwOnApiError', { ...BASE, throwOnApiError: 'true' }, 'throwOnApiError'],
    ['an unknown appIdHeader', { ...BASE, appIdHeader: 'x-app-id' }, 'appIdHeader'],
    ['a zero maxResponseBytes', { ...BASE, maxResponseBytes: 0 }, 'maxResponseBytes'],
    ['a string allowInsecureHttp', { ...BASE, allowInsecureHttp: 'yes' }, 'allowInsecureHttp'],
  ])('%s is a ConfigError naming the option', (_label, options, option) => {
    const error = configErrorOf(options)
    expect(error.option).toBe(option)
    expect(error.message.startsWith(`Invalid option ${option}: `)).toBe(true)
  })

  test('a ConfigError never quotes the rejected value', () => {
    const error = configErrorOf({ ...BASE, accessToken: 123456789 })
    expect(error.option).toBe('accessToken')
    expect(error.message).not.toContain('123456789')
  })

  test.each([
    'http://localhost:8080',
    'http://api.localhost',
    'http://127.0.0.1:9000',
    'http://127.10.20.30',
    'http://[::1]:3000',
  ])('plain http is accepted for the loopback host %s', (appHost) => {
    expect(new AuthenticationClient({ appId: 'aid', appHost }).appHost).toBe(appHost)
  })

  test('plain http to a remote host is accepted with allowInsecureHttp', () => {
    const c = new AuthenticationClient({
      appId: 'aid',
      appHost: 'http://10.0.0.8/',
      allowInsecureHttp: true,
    })
    expect(c.appHost).toBe('http://10.0.0.8')
  })

  test('a hook list left undefined (as JavaScript callers may pass) is accepted', () => {
    const options = { ...BASE, hooks: { beforeRetry: undefined } }
    // @ts-expect-error: exactOptionalPropertyTypes forbids this in TypeScript, not in JavaScript
    expect(new AuthenticationClient(options).appId).toBe('aid')
  })

  test('unknown options (e.g. official SDK ones such as lang) are ignored', () => {
    const options = { ...BASE, lang: 'zh-CN', tokenEndPointAuthMethod: 'none' }
    expect(new AuthenticationClient(options).appId).toBe('aid')
  })
})

describe('setAccessToken', () => {
  test.each([[''], [42], [null]])('refuses %j with a ConfigError', (token) => {
    const c = new AuthenticationClient(BASE)
    // @ts-expect-error: deliberately malformed token
    expect(() => c.setAccessToken(token)).toThrow(ConfigError)
  })
})
