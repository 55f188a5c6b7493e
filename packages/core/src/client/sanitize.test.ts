import { describe, expect, test } from 'vitest'
import { createSanitizer, sanitizeCause } from './sanitize.js'

describe('createSanitizer', () => {
  const sanitize = createSanitizer(['s3cr"et/x', undefined, ''])

  test('replaces the raw, JSON-escaped and percent-encoded forms', () => {
    expect(sanitize('a s3cr"et/x b s3cr\\"et/x c s3cr%22et%2Fx')).toBe(
      'a [REDACTED] b [REDACTED] c [REDACTED]',
    )
  })

  test('replaces a secret echoed in a second encoding: JSON in JSON, or JSON then percent', () => {
    const twiceEscaped = JSON.stringify(JSON.stringify({ appSecret: 's3cr"et/x' }))
    const escapedThenEncoded = encodeURIComponent(JSON.stringify({ appSecret: 's3cr"et/x' }))
    expect(sanitize(twiceEscaped)).not.toMatch(/s3cr|et\/x/)
    expect(sanitize(twiceEscaped)).toContain('[REDACTED]')
    expect(sanitize(escapedThenEncoded)).not.toContain('s3cr')
    expect(sanitize(escapedThenEncoded)).toContain('[REDACTED]')
  })

  test('cuts long text after redacting, with an ellipsis', () => {
    expect(sanitize(`${'z'.repeat(10)}s3cr"et/x`, 12)).toBe('zzzzzzzzzz[R…')
  })

  test('drops the start of a secret that a cut went through', () => {
    expect(createSanitizer(['ABCDEFGH'])('0123ABCD', 8)).toBe('0123')
    expect(createSanitizer(['ABCDEFGH'])(`0123ABCDE${'-'.repeat(20)}`, 8)).toBe('0123…')
  })

  test('keeps an ending that shares only up to three characters with a secret', () => {
    expect(createSanitizer(['TOPSECRET'])('ECONNRESET')).toBe('ECONNRESET')
    expect(createSanitizer(['TOPSECRET'])('a TOPS')).toBe('a ')
  })

  test('leaves text without secrets untouched', () => {
    expect(sanitize('nothing to hide')).toBe('nothing to hide')
  })
})

describe('sanitizeCause', () => {
  test('copies name, message, code and the cause chain with secrets scrubbed', () => {
    const sanitize = createSanitizer(['TOPSECRET'])
    const original = new TypeError('fetch failed TOPSECRET', {
      cause: Object.assign(new Error('inner TOPSECRET'), {
        code: 'ECONNRESET',
        socket: { secret: 'TOPSECRET' },
      }),
    })
    const copy = sanitizeCause(original, sanitize)
    expect(copy).toMatchObject({ name: 'TypeError', message: 'fetch failed [REDACTED]' })
    expect(copy?.cause).toMatchObject({ message: 'inner [REDACTED]', code: 'ECONNRESET' })
    expect(copy?.cause).not.toHaveProperty('socket')
    expect(copy?.stack).not.toContain('TOPSECRET')
  })

  test('stops after three levels', () => {
    const chain = new Error('1', {
      cause: new Error('2', { cause: new Error('3', { cause: new Error('4') }) }),
    })
    const copy = sanitizeCause(chain, createSanitizer([]))
    expect(copy).toMatchObject({ message: '1', cause: { message: '2', cause: { message: '3' } } })
    expect(copy).not.toHaveProperty(['cause', 'cause', 'cause'])
  })
})
