import { describe, expect, test } from 'vitest'
import { wechatAccessTokenCacheKey } from './cache-key.js'

describe('wechatAccessTokenCacheKey', () => {
  test('encodes each part so that no two deployments collide', () => {
    const a = wechatAccessTokenCacheKey({
      appHost: 'https://h/a',
      authingAppId: 'x:y',
      wechatAppId: 'z',
    })
    const b = wechatAccessTokenCacheKey({
      appHost: 'https://h/a:x',
      authingAppId: 'y',
      wechatAppId: 'z',
    })
    expect(a).not.toBe(b)
    expect(a).toBe('authing-edge:wechat-access-token:v1:https%3A%2F%2Fh%2Fa:x%3Ay:z')
  })
})
