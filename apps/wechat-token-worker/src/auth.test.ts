import { describe, expect, test } from 'vitest'
import { isAuthorized, readBearerToken } from './auth.js'

const TOKEN = 'broker-token-0123456789abcdef'

function headers(authorization?: string): Headers {
  return new Headers(authorization === undefined ? {} : { authorization })
}

describe('readBearerToken', () => {
  test('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(readBearerToken(headers(`Bearer ${TOKEN}`))).toBe(TOKEN)
    expect(readBearerToken(headers(`bearer ${TOKEN}`))).toBe(TOKEN)
  })

  test('returns undefined without a header, with another scheme or with an empty token', () => {
    expect(readBearerToken(headers())).toBeUndefined()
    expect(readBearerToken(headers(`Basic ${TOKEN}`))).toBeUndefined()
    expect(readBearerToken(headers('Bearer '))).toBeUndefined()
    expect(readBearerToken(headers(TOKEN))).toBeUndefined()
  })

  test('refuses a header with two tokens', () => {
    expect(readBearerToken(headers(`Bearer ${TOKEN} ${TOKEN}`))).toBeUndefined()
  })
})

describe('isAuthorized', () => {
  test('accepts exactly the configured token', async () => {
    expect(await isAuthorized(headers(`Bearer ${TOKEN}`), TOKEN)).toBe(true)
  })

  test('refuses a missing header, a wrong token, a prefix and an extension of the token', async () => {
    expect(await isAuthorized(headers(), TOKEN)).toBe(false)
    expect(await isAuthorized(headers('Bearer wrong-token-0123456789abcd'), TOKEN)).toBe(false)
    expect(await isAuthorized(headers(`Bearer ${TOKEN.slice(0, -1)}`), TOKEN)).toBe(false)
    expect(await isAuthorized(headers(`Bearer ${TOKEN}x`), TOKEN)).toBe(false)
  })

  test('refuses the token sent raw, without the Bearer scheme', async () => {
    expect(await isAuthorized(headers(TOKEN), TOKEN)).toBe(false)
  })
})
