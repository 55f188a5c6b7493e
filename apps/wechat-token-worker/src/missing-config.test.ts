// A deployment that lacks a variable, a secret or the KV binding gets a JSON 500 that names
// what is missing and never shows a value.
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { callWorker, envWith } from '../test/call-worker.js'
import { captureLogs } from '../test/capture-logs.js'

const SECRETS = [env.WECHAT_APP_SECRET, env.BROKER_TOKEN].filter((s) => s !== undefined)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('missing configuration', () => {
  test.each([
    'AUTHING_APP_ID',
    'AUTHING_APP_HOST',
    'WECHAT_APP_ID',
    'WECHAT_APP_SECRET',
    'BROKER_TOKEN',
    'WECHAT_TOKEN_CACHE',
  ] as const)('answers a JSON 500 that names %s', async (name) => {
    const lines = captureLogs()
    const response = await callWorker(envWith({ [name]: undefined }))
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    const text = await response.text()
    const problem =
      name === 'WECHAT_TOKEN_CACHE'
        ? 'WECHAT_TOKEN_CACHE is not bound to a KV namespace'
        : `${name} is not set`
    expect(JSON.parse(text)).toEqual({
      error: {
        code: 'config_missing',
        message: `The token broker is not configured: ${problem}`,
        variables: [name],
      },
    })
    for (const secret of SECRETS) {
      expect(text).not.toContain(secret)
      expect(lines.join('\n')).not.toContain(secret)
    }
  })

  test('names every missing variable at once, blank ones included', async () => {
    const response = await callWorker(
      envWith({ AUTHING_APP_HOST: '', WECHAT_APP_SECRET: undefined }),
    )
    expect(await response.json()).toMatchObject({
      error: { code: 'config_missing', variables: ['AUTHING_APP_HOST', 'WECHAT_APP_SECRET'] },
    })
  })

  test('answers 500 config_invalid for a BROKER_TOKEN that is too short, without showing it', async () => {
    const response = await callWorker(envWith({ BROKER_TOKEN: 'short-token' }), undefined, {
      headers: { authorization: 'Bearer short-token' },
    })
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({
      error: { code: 'config_invalid', variables: ['BROKER_TOKEN'] },
    })
    expect(text).not.toContain('short-token')
  })

  test('answers 500 config_invalid naming AUTHING_APP_HOST when core refuses the host', async () => {
    // Plain http to a host that is not loopback would send the appSecret unencrypted.
    for (const host of ['http://auth.example.com', 'ftp://auth.example.com']) {
      const response = await callWorker(envWith({ AUTHING_APP_HOST: host }))
      expect(response.status).toBe(500)
      const text = await response.text()
      expect(JSON.parse(text)).toMatchObject({
        error: { code: 'config_invalid', variables: ['AUTHING_APP_HOST'] },
      })
      expect(text).not.toContain('auth.example.com')
    }
  })

  test('still answers /healthz', async () => {
    const response = await callWorker(envWith({ WECHAT_APP_SECRET: undefined }), '/healthz', {})
    expect(response.status).toBe(200)
  })
})
