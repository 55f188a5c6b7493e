import { describe, expect, test } from 'vitest'
import { classifyServerErrors, quantile, type SoakRecord } from './soak-analysis.ts'
import { SOAK_FAULT_RATE, SOAK_REQUESTS, soakFaultRules, soakKind } from './soak-plan.ts'

const served = (start: number, end: number, validUntil = 1_000_000): SoakRecord => ({
  kind: 'get',
  start,
  end,
  status: 200,
  validUntil,
})
const failed = (start: number, end: number): SoakRecord => ({
  kind: 'get',
  start,
  end,
  status: 502,
})
const rotation = (start: number, end: number): SoakRecord => ({
  kind: 'rotate',
  start,
  end,
  status: 200,
})

describe('classifyServerErrors, which decides whether a 5xx broke the cache promise', () => {
  test('counts a 5xx that follows a served token with nothing in between as "while cached"', () => {
    expect(classifyServerErrors([served(0, 10), failed(20, 30)])).toMatchObject({
      all: 1,
      violations: [{ start: 20, end: 30 }],
    })
  })

  test('does not count a 5xx before any token was served', () => {
    expect(classifyServerErrors([failed(0, 5), served(10, 20)])).toMatchObject({
      all: 1,
      violations: [],
    })
  })

  test('does not count a 5xx after an invalidation was sent (the Worker then holds no token)', () => {
    const records = [served(0, 10), rotation(15, 16), failed(20, 30)]
    expect(classifyServerErrors(records)).toMatchObject({ all: 1, violations: [] })
  })

  test('does not count a 5xx after a token served while an invalidation was still in flight', () => {
    // The Worker may have served the old token just before it processed the invalidation.
    const records = [rotation(5, 40), served(10, 12), failed(20, 30)]
    expect(classifyServerErrors(records)).toMatchObject({ all: 1, violations: [] })
  })

  test('counts it again once a token served after the invalidation came back first', () => {
    const records = [served(0, 10), rotation(15, 16), served(17, 18), failed(20, 30)]
    expect(classifyServerErrors(records)).toMatchObject({
      all: 1,
      violations: [{ start: 20, end: 30 }],
    })
  })

  test('does not count a 5xx that ends after the served token stopped being servable', () => {
    expect(classifyServerErrors([served(0, 10, 25), failed(20, 30)])).toMatchObject({
      all: 1,
      violations: [],
    })
  })

  test('does not lean on a token answer still in flight when the 5xx started', () => {
    expect(classifyServerErrors([served(0, 25), failed(20, 30)])).toMatchObject({
      all: 1,
      violations: [],
    })
  })
})

describe('the soak plan', () => {
  test('is 1 % rotations, 2 % strangers and 97 % token requests', () => {
    const kinds = Array.from({ length: SOAK_REQUESTS }, (_, i) => soakKind(i))
    expect(kinds.filter((k) => k === 'rotate')).toHaveLength(SOAK_REQUESTS / 100)
    expect(kinds.filter((k) => k === 'stranger')).toHaveLength(SOAK_REQUESTS / 50)
  })

  test('its chained fault probabilities add up to the configured fault rate', () => {
    let untouched = 1
    for (const rule of soakFaultRules())
      untouched *= 1 - ('probability' in rule ? (rule.probability ?? 0) : 0)
    expect(1 - untouched).toBeCloseTo(SOAK_FAULT_RATE, 10)
  })

  test('quantile picks the nearest rank', () => {
    expect(quantile([5, 1, 4, 2, 3], 0.5)).toBe(3)
    expect(quantile([5, 1, 4, 2, 3], 1)).toBe(5)
    expect(quantile([], 0.99)).toBe(0)
  })
})
