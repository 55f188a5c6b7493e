import { describe, expect, test } from 'vitest'
import { isConfigError } from '../errors/config-error.js'
import type { WechatAccessTokenCacheOptions } from './cache-options.js'
import { scriptedSource } from './test-helpers/scripted-source.js'
import { WechatAccessTokenCache } from './wechat-access-token-cache.js'

const SECRET = 'wx-secret-Zq7-distinctive-4f1c'

function build(overrides: Record<string, unknown>): unknown {
  try {
    const options = { client: scriptedSource(), appId: 'wx-app', appSecret: SECRET, ...overrides }
    // Deliberately wrong options, as a JavaScript caller could pass them.
    new WechatAccessTokenCache(options as unknown as WechatAccessTokenCacheOptions)
    return undefined
  } catch (error) {
    return error
  }
}

describe('WechatAccessTokenCache options', () => {
  test('builds with only client, appId and appSecret', () => {
    expect(build({})).toBeUndefined()
  })

  test.each([
    ['appId', { appId: '' }],
    ['appId', { appId: undefined }],
    ['appSecret', { appSecret: '' }],
    ['appSecret', { appSecret: 42 }],
    ['client', { client: undefined }],
    ['client', { client: { appId: 'a', appHost: 'h' } }],
    ['store', { store: { get: async () => undefined } }],
    ['store', { store: null }],
    ['now', { now: 1 }],
    ['onEvent', { onEvent: 'log' }],
  ])('names %s when it is wrong', (option, overrides) => {
    const error = build(overrides)
    expect(isConfigError(error)).toBe(true)
    expect(error).toMatchObject({ option })
  })

  test.each(['refreshAheadMs', 'minRefreshIntervalMs', 'skewMs', 'maxWaitMs', 'negativeTtlMs'])(
    'requires %s to be a finite, non-negative number',
    (option) => {
      for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '100']) {
        expect(build({ [option]: bad })).toMatchObject({ name: 'ConfigError', option })
      }
      expect(build({ [option]: 0 })).toBeUndefined()
    },
  )

  // Runtimes fire a timer longer than 2^31 - 1 ms at once: every waiting caller would time out.
  test('refuses a maxWaitMs longer than the longest timer', () => {
    expect(build({ maxWaitMs: 2 ** 31 })).toMatchObject({
      name: 'ConfigError',
      option: 'maxWaitMs',
      message: expect.stringContaining('at most 2147483647 milliseconds'),
    })
    expect(build({ maxWaitMs: 2 ** 31 - 1 })).toBeUndefined()
  })

  test('never quotes the secret in a ConfigError', () => {
    const error = build({ appId: '', appSecret: SECRET })
    expect(JSON.stringify(error)).not.toContain(SECRET)
    expect(String(error)).not.toContain(SECRET)
  })

  test('the key names host, Authing app and WeChat app, and no secret', () => {
    const cache = new WechatAccessTokenCache({
      client: scriptedSource(),
      appId: 'wx-app',
      appSecret: SECRET,
    })
    expect(cache.key).toBe(
      'authing-edge:wechat-access-token:v1:https%3A%2F%2Fexample.authing.cn:authing-app:wx-app',
    )
  })
})
