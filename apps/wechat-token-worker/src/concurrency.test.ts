// 50 callers at once on a cold cache (a fresh isolate: this file runs in its own workerd
// process, with empty memory and an empty KV namespace) must share one upstream request.
import { env, exports } from 'cloudflare:workers'
import { beforeAll, expect, test } from 'vitest'
import { emulator, upstreamCalls } from '../test/emulator-control.js'
import { readTokenBody } from '../test/token-body.js'

beforeAll(async () => {
  await emulator.reset()
  // Upstream answers slowly, so every request arrives while the first refresh is in flight.
  await emulator.setFaults([{ fault: { kind: 'latency', ms: 300 } }])
})

test('50 concurrent requests on a cold cache get the same token from at most 2 upstream calls', async () => {
  const responses = await Promise.all(
    Array.from({ length: 50 }, () =>
      exports.default.fetch(
        new Request('https://broker.test/v1/wechat/access-token', {
          headers: { authorization: `Bearer ${env.BROKER_TOKEN}` },
        }),
      ),
    ),
  )
  expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200))
  const bodies = await Promise.all(responses.map((response) => readTokenBody(response)))
  const tokens = new Set(bodies.map((body) => body.accessToken))
  expect(tokens.size).toBe(1)
  const issued = (await emulator.tokens()).find((t) => t.wechatAppId === env.WECHAT_APP_ID)
  expect([...tokens]).toEqual([issued?.accessToken])
  const calls = await upstreamCalls()
  expect(calls).toBeGreaterThanOrEqual(1)
  expect(calls).toBeLessThanOrEqual(2)
})
