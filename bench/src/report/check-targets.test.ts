import { describe, expect, test } from 'vitest'
import { checkTargets, NAMES } from './check-targets.ts'
import { sampleResults } from './sample-results.ts'

const verdicts = (perCallUs: { ours: number; fetch: number; official: number }) =>
  checkTargets(sampleResults(perCallUs), 'esbuild').map((t) => t.met)

describe('checkTargets', () => {
  test('passes every target the sample meets', () => {
    expect(verdicts({ ours: 105, fetch: 100, official: 200 })).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ])
  })

  test('misses the overhead target above 1.10x bare fetch', () => {
    expect(verdicts({ ours: 111, fetch: 100, official: 200 })[0]).toBe(false)
  })

  test('reports the overhead against a bare fetch with a timeout beside the target', () => {
    const withTimed = sampleResults({ ours: 108, fetch: 100, official: 200, timedFetch: 104 })
    const [overhead] = checkTargets(withTimed, 'esbuild')
    expect(overhead).toEqual({
      target: 'uncached call ≤ 1.100x bare fetch (medians)',
      measured: '1.080x (108.0 µs vs 100.0 µs); 1.038x a bare fetch with a timeout',
      met: true,
    })
  })

  test('misses the official-SDK target when ours is not faster', () => {
    expect(verdicts({ ours: 100, fetch: 100, official: 100 })[1]).toBe(false)
  })

  test("compares sizes with the official SDK's Node bundle when its Worker build failed", () => {
    const size = checkTargets(sampleResults({ ours: 1, fetch: 1, official: 2 }), 'esbuild')[5]
    expect(size?.measured).toBe("15.5x against the official SDK's Node bundle")
  })

  test('reports the two size floors beside the client entry when they were built', () => {
    const results = sampleResults({ ours: 1, fetch: 1, official: 2 })
    const floor = (name: string, gzipBytes: number) => ({
      name,
      build: 'esbuild',
      outcome: { ok: true as const, minBytes: gzipBytes * 3, gzipBytes, topPackages: [] },
    })
    const bundles = [
      ...results.bundles,
      floor(NAMES.kyFloorBundle, 9_000),
      floor(NAMES.kyValibotFloorBundle, 10_500),
    ]
    const size = checkTargets({ ...results, bundles }, 'esbuild')[4]
    // Thousands are grouped with a narrow no-break space (U+202F).
    expect(size?.measured.replaceAll('\u202f', ',')).toBe(
      '11,000 B (11.0 kB); ky alone 9,000 B (9.0 kB), ky + valibot envelope schemas 10,500 B (10.5 kB)',
    )
  })

  test('misses the stampede target when a trial made two requests', () => {
    const results = sampleResults({ ours: 1, fetch: 1, official: 2 })
    const stampede = {
      ...results.stampede,
      trials: [{ upstreamRequests: 2, wallMs: 1, wrongResults: 0 }],
    }
    expect(checkTargets({ ...results, stampede }, 'esbuild')[3]?.met).toBe(false)
  })
})
