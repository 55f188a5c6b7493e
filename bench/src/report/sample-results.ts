import { summarize } from '../stats/summary.ts'
import type { BenchResults } from './bench-results.ts'
import { NAMES } from './check-targets.ts'

const flat = (value: number) => summarize([value, value, value])

/**
 * A small, made-up set of results for the report's tests; every figure is given, none measured.
 *
 * @param perCallUs - median per-call µs of ours, bare fetch, the official SDK and, when given,
 *   bare fetch with a timeout
 * @returns results without the target checks
 */
export function sampleResults(perCallUs: {
  ours: number
  fetch: number
  official: number
  timedFetch?: number
}): Omit<BenchResults, 'targets'> {
  const { timedFetch } = perCallUs
  return {
    startedAt: '2026-11-22T00:00:00.000Z',
    durationSeconds: 100,
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryGiB: 4,
      os: 'linux',
      node: 'v24.21.0',
      loadAverage: 0.5,
    },
    loadAverageAtEnd: 0.75,
    versions: { ky: '1.14.3' },
    overhead: [
      {
        server: 'a test server',
        warmupRounds: 1,
        rounds: 3,
        callsPerBatch: 2,
        contenders: [
          { name: NAMES.ours, perCallUs: flat(perCallUs.ours) },
          { name: NAMES.fetch, perCallUs: flat(perCallUs.fetch) },
          ...(timedFetch === undefined
            ? []
            : [{ name: NAMES.timedFetch, perCallUs: flat(timedFetch) }]),
          { name: NAMES.official, perCallUs: flat(perCallUs.official) },
        ],
        ratios: [
          {
            numerator: NAMES.ours,
            denominator: NAMES.fetch,
            ofMedians: perCallUs.ours / perCallUs.fetch,
            paired: flat(perCallUs.ours / perCallUs.fetch),
          },
        ],
      },
    ],
    cacheHits: {
      cache: { hitsPerSecond: flat(8_000_000), callsPerSample: 1000 },
      asyncMapBaseline: { hitsPerSecond: flat(20_000_000), callsPerSample: 1000 },
    },
    stampede: {
      concurrency: 10_000,
      trials: [{ upstreamRequests: 1, wallMs: 40, wrongResults: 0 }],
      wallMs: flat(40),
    },
    bundles: [
      {
        name: NAMES.clientBundle,
        build: 'esbuild',
        outcome: { ok: true, minBytes: 30_000, gzipBytes: 11_000, topPackages: [['ky', 25_000]] },
      },
      {
        name: NAMES.officialWorkerBundle,
        build: 'esbuild',
        outcome: { ok: false, error: 'Could not resolve "https"' },
      },
      {
        name: NAMES.officialNodeBundle,
        build: 'node',
        outcome: { ok: true, minBytes: 700_000, gzipBytes: 170_000, topPackages: [] },
      },
    ],
    startup: {
      coldImport: [{ name: NAMES.ours, importMs: summarize([40, 30, 50]), processMs: flat(90) }],
      workerStart: [{ name: 'official SDK entry', error: 'No such module "node:https"' }],
      workerStartupCpu: [{ name: 'client entry', activeMs: summarize([12, 10, 14]) }],
    },
    notes: [],
  }
}
