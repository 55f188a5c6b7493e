import { describe, expect, test } from 'vitest'
import { isSecretName, REDACTED, redactHeaders, redactJson, redactText } from './redact.js'

const SECRET = 'super-secret-value-123'

describe('redactHeaders', () => {
  test('keeps the bearer scheme and hides the token and other secret headers', () => {
    const headers = new Headers({
      authorization: `Bearer ${SECRET}`,
      cookie: 'session=abc',
      'x-authing-app-id': 'app-1',
      'x-api-key': 'k',
    })
    expect(redactHeaders(headers)).toEqual({
      authorization: `Bearer ${REDACTED}`,
      cookie: REDACTED,
      'x-authing-app-id': 'app-1',
      'x-api-key': REDACTED,
    })
  })

  test('hides a raw authorization token entirely', () => {
    expect(redactHeaders(new Headers({ authorization: SECRET }))).toEqual({
      authorization: REDACTED,
    })
  })
})

describe('redactJson', () => {
  test('replaces secret-named fields and known secret values at any depth', () => {
    const redacted = redactJson(
      { appId: 'wx1', appSecret: SECRET, nested: [{ password: 'p' }, `token is ${SECRET}`] },
      new Set([SECRET]),
    )
    expect(redacted).toEqual({
      appId: 'wx1',
      appSecret: REDACTED,
      nested: [{ password: REDACTED }, `token is ${REDACTED}`],
    })
    expect(JSON.stringify(redacted)).not.toContain(SECRET)
  })
})

describe('redactText', () => {
  test('hides secret members even in cut-off JSON', () => {
    const text = redactText(`{"appId":"wx1","appSecret":"${SECRET.slice(0, 10)}`, new Set())
    expect(text).toBe(`{"appId":"wx1","appSecret":"${REDACTED}"`)
  })

  test('hides known secrets in any text and unquoted secret values', () => {
    expect(redactText(`appSecret=${SECRET}&x=1`, new Set([SECRET]))).toBe(
      `appSecret=${REDACTED}&x=1`,
    )
    expect(redactText('{"appSecret": 123456, "a": 1}', new Set())).toBe(
      `{"appSecret": "${REDACTED}", "a": 1}`,
    )
  })

  test('shortens long text after redacting', () => {
    const text = redactText(`${SECRET}${'x'.repeat(5000)}`, new Set([SECRET]), 20)
    expect(text.startsWith(REDACTED)).toBe(true)
    expect(text).toMatch(/… \(\d+ chars\)$/)
    expect(text).not.toContain(SECRET.slice(0, 8))
  })
})

describe('isSecretName', () => {
  test.each(['appSecret', 'authorization', 'x-api-key', 'accessToken', 'password'])(
    'treats %s as secret',
    (name) => {
      expect(isSecretName(name)).toBe(true)
    },
  )

  test.each(['appId', 'x-authing-app-id', 'content-type'])('treats %s as public', (name) => {
    expect(isSecretName(name)).toBe(false)
  })
})
