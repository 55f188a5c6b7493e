import { env } from 'cloudflare:workers'
import { describe, expect, test } from 'vitest'
import { readConfig } from './config.js'
import type { WorkerEnv } from './env.js'

const complete: WorkerEnv = {
  AUTHING_APP_ID: 'authing-app',
  AUTHING_APP_HOST: 'https://example.authing.cn',
  WECHAT_APP_ID: 'wx-app',
  WECHAT_APP_SECRET: 'wechat-secret-value',
  BROKER_TOKEN: 'broker-token-0123456789',
  WECHAT_TOKEN_CACHE: env.WECHAT_TOKEN_CACHE,
}

describe('readConfig', () => {
  test('returns the configuration when every variable and the KV binding are there', () => {
    const result = readConfig(complete)
    expect(result.ok).toBe(true)
    if (result.ok) {
      expect(result.config.authingAppHost).toBe('https://example.authing.cn')
      expect(result.config.kv).toBe(env.WECHAT_TOKEN_CACHE)
    }
  })

  test('names every missing variable, blank ones included, and never a value', () => {
    const result = readConfig({ ...complete, WECHAT_APP_SECRET: undefined, AUTHING_APP_ID: '  ' })
    expect(result).toEqual({
      ok: false,
      problems: [
        { variable: 'AUTHING_APP_ID', kind: 'missing', message: 'AUTHING_APP_ID is not set' },
        { variable: 'WECHAT_APP_SECRET', kind: 'missing', message: 'WECHAT_APP_SECRET is not set' },
      ],
    })
  })

  test('names a missing KV binding', () => {
    const result = readConfig({ ...complete, WECHAT_TOKEN_CACHE: undefined })
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.problems.map((p) => p.variable)).toEqual(['WECHAT_TOKEN_CACHE'])
  })

  test('refuses a BROKER_TOKEN shorter than 16 characters without quoting it', () => {
    const result = readConfig({ ...complete, BROKER_TOKEN: 'short-secret' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems).toEqual([
        expect.objectContaining({ variable: 'BROKER_TOKEN', kind: 'invalid' }),
      ])
      expect(JSON.stringify(result.problems)).not.toContain('short-secret')
    }
  })
})
