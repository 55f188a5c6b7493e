import { afterEach, describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { AuthenticationClient } from './authentication-client.js'
import { isBrowserLike } from './browser-guard.js'

const BASE = { appId: 'aid', appHost: 'example.authing.cn' }
const g = globalThis as Record<string, unknown>
const SIMULATED = ['window', 'document', 'importScripts'] as const

afterEach(() => {
  for (const name of SIMULATED) delete g[name]
})

function simulatePage(): void {
  g.window = globalThis
  g.document = { nodeType: 9 }
}

describe('the browser guard', () => {
  test('leaves Node alone (the environment these tests run in)', () => {
    expect(isBrowserLike()).toBe(false)
    expect(new AuthenticationClient(BASE).appId).toBe('aid')
  })

  test('refuses to construct in a page, explaining that the appSecret would leak', () => {
    simulatePage()
    expect(() => new AuthenticationClient(BASE)).toThrow(ConfigError)
    expect(() => new AuthenticationClient(BASE)).toThrow(
      expect.objectContaining({
        option: 'dangerouslyAllowBrowser',
        message: expect.stringMatching(/appSecret .*visible to every visitor/),
      }),
    )
  })

  test('refuses to construct in a browser worker', () => {
    g.importScripts = () => undefined
    expect(() => new AuthenticationClient(BASE)).toThrow(ConfigError)
  })

  test('allows construction with dangerouslyAllowBrowser: true', () => {
    simulatePage()
    expect(new AuthenticationClient({ ...BASE, dangerouslyAllowBrowser: true }).appId).toBe('aid')
  })

  test('does not mistake Cloudflare Workers (navigator, no window or document) for a browser', () => {
    // Node 21+ has a global navigator too, like workerd: its presence alone must not trip the guard.
    expect(typeof navigator).toBe('object')
    expect(isBrowserLike()).toBe(false)
  })

  test('needs both window and document for a page', () => {
    g.window = globalThis
    expect(isBrowserLike()).toBe(false)
  })
})
