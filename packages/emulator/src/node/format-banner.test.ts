import { describe, expect, test } from 'vitest'
import { DEMO_APP, DEMO_USER_ACCESS_TOKEN } from '../demo-app.js'
import { initialSettings } from '../emulator-settings.js'
import { formatBanner, LISTENING_PREFIX } from './format-banner.js'

const url = 'http://127.0.0.1:8787'

describe('formatBanner', () => {
  test('puts the URL alone on the first line, then the demo credentials in full', () => {
    const lines = formatBanner({
      url,
      settings: initialSettings({}),
      controlApi: true,
      cors: true,
      seed: 1,
    })
    expect(lines[0]).toBe(`${LISTENING_PREFIX}${url}`)
    const text = lines.join('\n')
    expect(text).toContain(DEMO_APP.appId)
    expect(text).toContain(DEMO_APP.wechatAppId)
    expect(text).toContain(DEMO_APP.wechatAppSecret)
    expect(text).toContain(`${url}/__emulator   (local use only)`)
    expect(lines.at(-1)).toBe('Press Ctrl-C to stop.')
  })

  test('never prints a configured secret or user token', () => {
    const secret = 'a-real-looking-secret-0123456789'
    const lines = formatBanner({
      url,
      settings: initialSettings({
        apps: [{ appId: 'a1', wechatAppId: 'wx1', wechatAppSecret: secret }],
        requireUserToken: true,
        userTokens: ['real-user-token', DEMO_USER_ACCESS_TOKEN],
        rateLimit: { limit: 5, windowMs: 1000 },
      }),
      controlApi: false,
      cors: false,
      seed: 1,
    })
    const text = lines.join('\n')
    expect(text).not.toContain(secret)
    expect(text).not.toContain('real-user-token')
    expect(text).toContain(`[hidden, ${secret.length} characters]`)
    expect(text).toContain(`${DEMO_USER_ACCESS_TOKEN} (demo)`)
    expect(text).toContain('5 requests per 1000 ms per app')
    expect(text).toMatch(/control API\s+off/)
  })
})
