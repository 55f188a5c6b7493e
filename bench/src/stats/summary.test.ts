import { describe, expect, test } from 'vitest'
import { quantileOfSorted, summarize } from './summary.ts'

describe('quantileOfSorted', () => {
  test('interpolates between the two closest ranks', () => {
    expect(quantileOfSorted([10, 20, 30, 40], 0.5)).toBe(25)
    expect(quantileOfSorted([10, 20, 30, 40], 0.25)).toBe(17.5)
    expect(quantileOfSorted([10, 20, 30, 40], 1)).toBe(40)
  })

  test('refuses an empty series and an out-of-range quantile', () => {
    expect(() => quantileOfSorted([], 0.5)).toThrow(RangeError)
    expect(() => quantileOfSorted([1], 1.5)).toThrow(/within \[0, 1\]/)
  })
})

describe('summarize', () => {
  test('gives the median, quartiles, MAD and range of unsorted samples', () => {
    const samples = [9, 1, 5, 3, 7]
    expect(summarize(samples)).toEqual({ n: 5, median: 5, p25: 3, p75: 7, mad: 2, min: 1, max: 9 })
    expect(samples).toEqual([9, 1, 5, 3, 7])
  })

  test('is not pulled by a single outlier', () => {
    const s = summarize([100, 101, 99, 100, 5000])
    expect(s.median).toBe(100)
    expect(s.mad).toBe(1)
    expect(s.max).toBe(5000)
  })
})
