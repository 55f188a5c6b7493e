import { describe, expect, test } from 'vitest'
import { type Contender, pairedRatios, runInterleaved } from './interleaved-runner.ts'

/** Contenders that advance a virtual clock by a fixed cost per call and log who ran. */
function virtualContenders(costs: Record<string, number>) {
  let clock = 0
  const log: string[] = []
  const contenders: Contender[] = Object.entries(costs).map(([name, cost]) => ({
    name,
    call: async () => {
      log.push(name)
      clock += cost
    },
  }))
  return { contenders, log, now: () => clock }
}

describe('runInterleaved', () => {
  test('records one per-call time per kept round and discards the warm-up rounds', async () => {
    const { contenders, log, now } = virtualContenders({ fast: 2, slow: 3 })
    const samples = await runInterleaved(contenders, {
      warmupRounds: 2,
      rounds: 5,
      callsPerBatch: 4,
      now,
    })
    expect(samples.get('fast')).toEqual([2, 2, 2, 2, 2])
    expect(samples.get('slow')).toEqual([3, 3, 3, 3, 3])
    expect(log.filter((n) => n === 'fast')).toHaveLength(7 * 4)
  })

  test('orders each round by roundOrder, so each contender follows every other one', async () => {
    const { contenders, log, now } = virtualContenders({ a: 1, b: 1, c: 1 })
    await runInterleaved(contenders, { warmupRounds: 0, rounds: 6, callsPerBatch: 1, now })
    expect(log.join(' ')).toBe('a b c b c a c a b c b a a c b b a c')
  })

  test('refuses two contenders with the same name', async () => {
    const call = async () => undefined
    await expect(
      runInterleaved(
        [
          { name: 'x', call },
          { name: 'x', call },
        ],
        {
          warmupRounds: 0,
          rounds: 1,
          callsPerBatch: 1,
        },
      ),
    ).rejects.toThrow(/unique/)
  })
})

describe('pairedRatios', () => {
  test('divides round by round', () => {
    expect(pairedRatios([2, 3, 6], [1, 3, 4])).toEqual([2, 1, 1.5])
  })

  test('refuses series of different lengths', () => {
    expect(() => pairedRatios([1], [1, 2])).toThrow(/differ in length/)
  })
})
