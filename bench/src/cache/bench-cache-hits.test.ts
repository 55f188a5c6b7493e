import { describe, expect, test } from 'vitest'
import { benchHitRate } from './bench-cache-hits.ts'

describe('benchHitRate', () => {
  test('turns each timed block into calls per second and skips the warm-up', async () => {
    let clock = 0
    let calls = 0
    const getter = {
      get: async () => {
        calls++
        clock += 0.002 // 2 µs per call on the virtual clock
      },
    }
    const result = await benchHitRate(getter, {
      warmupCalls: 10,
      samples: 3,
      callsPerSample: 1000,
      now: () => clock,
    })
    expect(calls).toBe(3010)
    expect(result.hitsPerSecond.n).toBe(3)
    expect(result.hitsPerSecond.median).toBeCloseTo(500_000, 6)
  })
})
