import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  BENCH_ACCESS_TOKEN,
  type FixedEnvelopeServer,
  startFixedEnvelopeServer,
} from '../loopback/fixed-envelope-server.ts'
import { bareFetchContender } from '../overhead/baseline-contenders.ts'
import type { AsyncGetter } from './bench-cache-hits.ts'
import { benchStampede } from './bench-stampede.ts'

let server: FixedEnvelopeServer
beforeAll(async () => {
  server = await startFixedEnvelopeServer()
})
afterAll(() => server.close())

const hasToken = (value: unknown) =>
  typeof value === 'object' && value !== null && JSON.stringify(value).includes(BENCH_ACCESS_TOKEN)

describe('benchStampede', () => {
  test('counts every upstream request of a getter without single-flight', async () => {
    const bare = bareFetchContender(server.url)
    const naive = (): AsyncGetter => ({ get: () => bare.call() })
    const result = await benchStampede(naive, server, hasToken, 20, 2)
    expect(result.trials.map((t) => t.upstreamRequests)).toEqual([20, 20])
    expect(result.trials.map((t) => t.wrongResults)).toEqual([0, 0])
  })

  test('counts one request for a getter that shares the in-flight call', async () => {
    const bare = bareFetchContender(server.url)
    const singleFlight = (): AsyncGetter => {
      let inFlight: Promise<unknown> | undefined
      return { get: () => (inFlight ??= bare.call()) }
    }
    const result = await benchStampede(singleFlight, server, hasToken, 1000, 3)
    expect(result.trials.map((t) => t.upstreamRequests)).toEqual([1, 1, 1])
  })

  test('counts results that are not the token', async () => {
    const wrong = (): AsyncGetter => ({ get: async () => ({ accessToken: 'other' }) })
    const result = await benchStampede(wrong, server, hasToken, 10, 1)
    expect(result.trials[0]).toMatchObject({ upstreamRequests: 0, wrongResults: 10 })
  })
})
