import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  BENCH_ACCESS_TOKEN,
  type FixedEnvelopeServer,
  startFixedEnvelopeServer,
} from '../loopback/fixed-envelope-server.ts'
import {
  bareFetchContender,
  officialSdkContender,
  timedFetchContender,
} from './baseline-contenders.ts'
import type { Contender } from './interleaved-runner.ts'
import { verifyContender } from './verify-contender.ts'

let server: FixedEnvelopeServer
beforeAll(async () => {
  server = await startFixedEnvelopeServer()
})
afterAll(() => server.close())

describe('the baseline contenders', () => {
  test.each([
    ['bare fetch', bareFetchContender],
    ['bare fetch with a timeout', timedFetchContender],
    ['the official SDK', officialSdkContender],
  ])('%s makes one real call per call and returns the token', async (_label, make) => {
    await expect(
      verifyContender(make(server.url), server, BENCH_ACCESS_TOKEN),
    ).resolves.toBeUndefined()
  })
})

describe('verifyContender', () => {
  test('rejects a contender that does not reach the server', async () => {
    const lazy: Contender = { name: 'lazy', call: async () => ({ data: { accessToken: 'x' } }) }
    await expect(verifyContender(lazy, server, BENCH_ACCESS_TOKEN)).rejects.toThrow(
      'lazy: one call reached the server 0 times',
    )
  })

  test('rejects a contender that drops the token', async () => {
    const bare = bareFetchContender(server.url)
    const lossy: Contender = {
      name: 'lossy',
      call: async () => {
        await bare.call()
        return { statusCode: 200, data: {} }
      },
    }
    await expect(verifyContender(lossy, server, BENCH_ACCESS_TOKEN)).rejects.toThrow(
      "lossy: the result does not carry the server's access token",
    )
  })
})
