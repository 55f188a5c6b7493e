import { describe, expect, test } from 'vitest'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import { normalizeExpiresAt } from './normalize-expires-at.js'

describe('normalizeExpiresAt', () => {
  test.each([
    [1_700_000_000, 1_700_000_000_000],
    ['1700000000', 1_700_000_000_000],
    [1_700_000_000_123, 1_700_000_000_123],
    ['1700000000123', 1_700_000_000_123],
    [0, 0],
  ])('converts %j to %d epoch milliseconds', (value, expected) => {
    expect(normalizeExpiresAt(value)).toBe(expected)
  })

  test.each([['soon'], [-1], [null], [undefined], [{}], [9e15]])(
    'rejects %j with a ResponseValidationError',
    (value) => {
      expect(() => normalizeExpiresAt(value)).toThrow(ResponseValidationError)
      try {
        normalizeExpiresAt(value)
      } catch (error) {
        expect((error as ResponseValidationError).issues[0]?.path).toBe('expiresAt')
      }
    },
  )
})
