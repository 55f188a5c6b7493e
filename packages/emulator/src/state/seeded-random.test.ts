import { describe, expect, test } from 'vitest'
import { createSeededRandom, deriveSeed } from './seeded-random.js'

describe('createSeededRandom', () => {
  test('the same seed gives the same sequence', () => {
    const a = createSeededRandom(42)
    const b = createSeededRandom(42)
    const first = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first)
    expect(createSeededRandom(43).next()).not.toBe(first[0])
  })

  test('draws floats in [0, 1) spread over the range', () => {
    const random = createSeededRandom(7)
    const draws = Array.from({ length: 10_000 }, () => random.next())
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...draws)).toBeLessThan(1)
    const below = draws.filter((x) => x < 0.05).length
    expect(below).toBeGreaterThan(400)
    expect(below).toBeLessThan(600)
  })

  test('string draws only from the alphabet', () => {
    const text = createSeededRandom(1).string(200, 'ab')
    expect(text).toMatch(/^[ab]{200}$/)
    expect(text).toContain('a')
    expect(text).toContain('b')
  })

  test('reset starts the sequence over', () => {
    const random = createSeededRandom(9)
    const first = random.next()
    random.next()
    random.reset()
    expect(random.next()).toBe(first)
  })
})

describe('deriveSeed', () => {
  test('gives different, stable seeds per stream', () => {
    expect(deriveSeed(42, 0)).toBe(deriveSeed(42, 0))
    expect(deriveSeed(42, 0)).not.toBe(deriveSeed(42, 1))
  })
})
