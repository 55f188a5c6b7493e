import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { ExpiresAtMsSchema, ExpiresAtSchema, expiresAtToEpochMs } from './expires-at.js'

describe('ExpiresAtSchema', () => {
  test.each([0, 1_700_000_000, '1700000000', '1700000000.5', 1_700_000_000_123])(
    'accepts %j and keeps it as received',
    (value) => {
      expect(v.parse(ExpiresAtSchema, value)).toBe(value)
    },
  )

  test.each([
    -1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' 1700000000',
    '17e8',
    '-5',
    'soon',
    null,
    true,
    {},
  ])('rejects %j', (value) => {
    expect(v.safeParse(ExpiresAtSchema, value).success).toBe(false)
  })
})

describe('ExpiresAtSchema messages', () => {
  test('name the expected form after the type received', () => {
    expect(v.safeParse(ExpiresAtSchema, 'soon').issues?.[0]?.message).toBe(
      'expiresAt must be a numeric string such as "1700000000"',
    )
    expect(v.safeParse(ExpiresAtSchema, -1).issues?.[0]?.message).toBe(
      'expiresAt must be a non-negative number or a numeric string (a timestamp in seconds or milliseconds)',
    )
  })
})

describe('expiresAtToEpochMs', () => {
  test('treats values below 1e12 as seconds', () => {
    expect(expiresAtToEpochMs(1_700_000_000)).toBe(1_700_000_000_000)
    expect(expiresAtToEpochMs('1700000000')).toBe(1_700_000_000_000)
  })

  test('treats values at or above 1e12 as milliseconds', () => {
    expect(expiresAtToEpochMs(1_700_000_000_123)).toBe(1_700_000_000_123)
    expect(expiresAtToEpochMs('1000000000000')).toBe(1_000_000_000_000)
  })

  test('drops fractions of a millisecond', () => {
    expect(expiresAtToEpochMs('1700000000.0005')).toBe(1_700_000_000_000)
  })
})

describe('ExpiresAtMsSchema', () => {
  test('validates and normalises in one step', () => {
    expect(v.parse(ExpiresAtMsSchema, '1700000000')).toBe(1_700_000_000_000)
  })

  test('rejects a value beyond the largest Date', () => {
    const result = v.safeParse(ExpiresAtMsSchema, 1e16)
    expect(result.success).toBe(false)
    expect(result.issues?.[0]?.message).toMatch(/largest date/)
  })
})
