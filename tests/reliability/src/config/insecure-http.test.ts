import { AuthenticationClient } from '@authing-edge/core'
import { describe, expect, test } from 'vitest'
import { outcomeOf } from './option-rows.ts'

/** Plain-http hosts that are not this machine: the appSecret would cross a network in clear. */
const REMOTE_HTTP = [
  'http://example.authing.cn',
  'http://example.authing.cn:8080/sub/',
  'http://10.0.0.1',
  'http://192.168.1.20:8787',
  'http://0.0.0.0:8787',
  'http://localhost.example.com',
  'http://127.0.0.1.nip.io',
  'http://[::ffff:127.0.0.1]',
  'http://[fe80::1]',
  'HTTP://EXAMPLE.AUTHING.CN',
]

/** Plain-http hosts on loopback: fine for local development and emulators. */
const LOOPBACK_HTTP = [
  'http://localhost',
  'http://localhost:8787/',
  'http://127.0.0.1:1',
  'http://127.255.255.254',
  'http://[::1]:9000',
  'http://app.localhost',
  'HTTP://LOCALHOST',
]

const construct = (appHost: string, extra: Record<string, unknown> = {}): unknown =>
  outcomeOf(() => new AuthenticationClient({ appId: 'app', appHost, ...extra }))

describe('a plain http:// appHost', () => {
  test.for(REMOTE_HTTP)('%s is refused with a ConfigError naming appHost', (appHost) => {
    const error = construct(appHost)
    expect(error).toMatchObject({ name: 'ConfigError', option: 'appHost' })
    expect(String(error)).toContain('allowInsecureHttp')
  })

  test.for(REMOTE_HTTP)('%s is accepted with allowInsecureHttp: true', (appHost) => {
    expect(construct(appHost, { allowInsecureHttp: true })).toBeInstanceOf(AuthenticationClient)
  })

  test.for(REMOTE_HTTP)('%s stays refused with allowInsecureHttp: false', (appHost) => {
    expect(construct(appHost, { allowInsecureHttp: false })).toMatchObject({ option: 'appHost' })
  })

  test.for(LOOPBACK_HTTP)('%s on loopback is accepted without allowInsecureHttp', (appHost) => {
    const client = construct(appHost)
    expect(client).toBeInstanceOf(AuthenticationClient)
    expect(client).toMatchObject({ appHost: expect.stringMatching(/^http:\/\//) })
  })

  test('a refused host is refused before any request: the injected fetch is never called', () => {
    let calls = 0
    const error = construct('http://example.authing.cn', {
      fetch: async () => {
        calls++
        return new Response('{}')
      },
    })
    expect(error).toMatchObject({ name: 'ConfigError' })
    expect(calls).toBe(0)
  })
})
