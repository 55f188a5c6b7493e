import { describe, expect, test } from 'vitest'
import { roundOrder } from './round-order.ts'

/** The rounds of one full block of the design. */
function block(count: number): number[][] {
  const rounds = count % 2 === 0 ? count : 2 * count
  return Array.from({ length: rounds }, (_, round) => roundOrder(count, round))
}

describe('roundOrder', () => {
  test.each([1, 2, 3, 4, 5, 8, 9])('with %i contenders, every round runs each once', (count) => {
    for (const order of block(count)) {
      expect([...order].sort((a, b) => a - b)).toEqual([...Array(count).keys()])
    }
  })

  test.each([2, 3, 4, 5, 8, 9])(
    'with %i contenders, each runs in every position equally often',
    (count) => {
      const rounds = block(count)
      for (let position = 0; position < count; position++) {
        const here = rounds.map((order) => order[position])
        for (let index = 0; index < count; index++) {
          expect(here.filter((i) => i === index)).toHaveLength(rounds.length / count)
        }
      }
    },
  )

  test.each([2, 3, 4, 5, 8, 9])(
    'with %i contenders, each follows every other one equally often',
    (count) => {
      const follows = new Map<string, number>()
      for (const order of block(count)) {
        for (let slot = 1; slot < count; slot++) {
          const pair = `${order[slot - 1]}>${order[slot]}`
          follows.set(pair, (follows.get(pair) ?? 0) + 1)
        }
      }
      expect(follows.size).toBe(count * (count - 1))
      expect(new Set(follows.values())).toEqual(new Set([count % 2 === 0 ? 1 : 2]))
    },
  )

  test('repeats the block', () => {
    expect(roundOrder(4, 4)).toEqual(roundOrder(4, 0))
    expect(roundOrder(3, 7)).toEqual(roundOrder(3, 1))
  })

  test('matches the documented rows', () => {
    expect(block(4)).toEqual([
      [0, 1, 3, 2],
      [1, 2, 0, 3],
      [2, 3, 1, 0],
      [3, 0, 2, 1],
    ])
  })
})
