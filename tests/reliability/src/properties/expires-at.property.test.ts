import { isResponseValidationError, normalizeExpiresAt } from '@authing-edge/core'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { invalidExpiresAt, shortDecimalString } from './envelope-arbitraries.ts'
import { judgeExpiresAt } from './envelope-oracle.ts'

/** From here on a value is read as epoch milliseconds (spec section 1). */
const MS_THRESHOLD = 1e12
/** The latest instant a `Date` can hold. */
const MAX_DATE_MS = 8.64e15

type Outcome = { ok: true; ms: number } | { ok: false; error: unknown }

function normalize(value: unknown): Outcome {
  try {
    return { ok: true, ms: normalizeExpiresAt(value) }
  } catch (error) {
    return { ok: false, error }
  }
}

/** Expected epoch milliseconds of a valid value, computed from the contract. */
function expectedMs(n: number): number {
  return n < MS_THRESHOLD ? n * 1000 : n
}

const seconds = fc.integer({ min: 0, max: MS_THRESHOLD - 1 })
const milliseconds = fc.integer({ min: MS_THRESHOLD, max: MAX_DATE_MS })
const RUNS = { numRuns: 500 }

describe('normalizeExpiresAt', () => {
  test('reads whole numbers below 1e12 as seconds, as numbers and as numeric strings', () => {
    fc.assert(
      fc.property(seconds, (n) => {
        expect(normalizeExpiresAt(n)).toBe(n * 1000)
        expect(normalizeExpiresAt(String(n))).toBe(n * 1000)
      }),
      RUNS,
    )
  })

  test('reads whole numbers from 1e12 up to the largest Date as milliseconds', () => {
    fc.assert(
      fc.property(milliseconds, (n) => {
        expect(normalizeExpiresAt(n)).toBe(n)
        expect(normalizeExpiresAt(String(n))).toBe(n)
      }),
      RUNS,
    )
  })

  test('turns a fractional value into whole milliseconds within 1 ms of the exact value', () => {
    fc.assert(
      fc.property(shortDecimalString, (text) => {
        const exact = expectedMs(Number(text))
        const outcome = normalize(text)
        if (exact > MAX_DATE_MS) {
          expect(outcome.ok).toBe(false)
          return
        }
        expect(outcome.ok).toBe(true)
        if (!outcome.ok) return
        expect(Number.isSafeInteger(outcome.ms)).toBe(true)
        expect(Math.abs(outcome.ms - exact)).toBeLessThan(1)
      }),
      RUNS,
    )
  })

  test('is monotonic within each unit: a later expiry never normalises to an earlier instant', () => {
    const pair = fc.oneof(fc.tuple(seconds, seconds), fc.tuple(milliseconds, milliseconds))
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const [low, high] = a <= b ? [a, b] : [b, a]
        expect(normalizeExpiresAt(low)).toBeLessThanOrEqual(normalizeExpiresAt(high))
      }),
      RUNS,
    )
  })

  test('refuses every value the contract refuses, with a ResponseValidationError on expiresAt', () => {
    const refused = fc.oneof(
      invalidExpiresAt,
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined),
      fc.integer({ min: MAX_DATE_MS + 1, max: Number.MAX_SAFE_INTEGER }),
      fc.bigInt(),
    )
    fc.assert(
      fc.property(refused, (value) => {
        const outcome = normalize(value)
        expect(outcome.ok).toBe(false)
        if (outcome.ok) return
        expect(isResponseValidationError(outcome.error)).toBe(true)
        expect(outcome.error).toMatchObject({ issues: [{ path: 'expiresAt' }] })
      }),
      RUNS,
    )
  })

  test('on any value at all it returns a valid Date instant or throws ResponseValidationError, nothing else', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.double(), fc.string(), shortDecimalString),
        (value) => {
          const outcome = normalize(value)
          if (outcome.ok) {
            expect(judgeExpiresAt(value)).not.toBe('invalid')
            expect(Number.isSafeInteger(outcome.ms)).toBe(true)
            expect(outcome.ms).toBeGreaterThanOrEqual(0)
            expect(outcome.ms).toBeLessThanOrEqual(MAX_DATE_MS)
            expect(Number.isNaN(new Date(outcome.ms).getTime())).toBe(false)
          } else {
            expect(isResponseValidationError(outcome.error)).toBe(true)
          }
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('accepts every value the contract accepts that fits in a Date', () => {
    const accepted = fc.oneof(
      fc.double({ min: 0, max: MAX_DATE_MS, noNaN: true }),
      shortDecimalString.filter((text) => expectedMs(Number(text)) <= MAX_DATE_MS),
    )
    fc.assert(
      fc.property(accepted, (value) => {
        expect(normalize(value).ok).toBe(true)
      }),
      RUNS,
    )
  })
})
