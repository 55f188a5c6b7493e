import { describe, expect, test } from 'vitest'
import { summarize } from '../stats/summary.ts'
import { bytes, num, rate, spread, table, times } from './format.ts'

describe('number formatting', () => {
  test('keeps about four significant digits', () => {
    expect([num(1.23456), num(12.3456), num(123.456), num(1234.56)]).toEqual([
      '1.235',
      '12.35',
      '123.5',
      '1235',
    ])
  })

  test('prints rates in M/s and k/s', () => {
    expect(rate(12_345_678)).toBe('12.35 M/s')
    expect(rate(45_600)).toBe('45.60 k/s')
    expect(rate(789)).toBe('789.0 /s')
  })

  test('prints sizes in bytes and decimal kilobytes', () => {
    expect(bytes(11_234)).toBe('11\u202f234 B (11.2 kB)')
  })

  test('prints ratios as multipliers', () => {
    expect(times(1.04321)).toBe('1.043x')
    expect(times(17.46)).toBe('17.5x')
  })

  test('prints quartiles and MAD', () => {
    expect(spread(summarize([1, 2, 3, 4, 5]))).toBe('p25 2.000 / p75 4.000, MAD 1.000')
  })
})

describe('table', () => {
  test('renders a header, a rule and escaped cells, padded to the widest cell', () => {
    expect(table(['a', 'b'], [['1', 'x|y']])).toBe(
      '| a   | b    |\n| --- | ---- |\n| 1   | x\\|y |',
    )
  })
})
