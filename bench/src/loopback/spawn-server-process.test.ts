import { describe, expect, test } from 'vitest'
import { bareFetchContender } from '../overhead/baseline-contenders.ts'
import { verifyContender } from '../overhead/verify-contender.ts'
import { BENCH_ACCESS_TOKEN } from './fixed-envelope-server.ts'
import { spawnServerProcess } from './spawn-server-process.ts'

describe('spawnServerProcess', () => {
  test('serves the envelope from another process and reports its hit count', async () => {
    const server = await spawnServerProcess()
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      await verifyContender(bareFetchContender(server.url), server, BENCH_ACCESS_TOKEN)
      await bareFetchContender(server.url).call()
      expect(await server.hits()).toBe(2)
    } finally {
      await server.close()
    }
  })
})
