// What the Worker writes to its logs, at the most verbose level, across every kind of request:
// one JSON line at a time, and never a secret or a token.
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, expect, test, vi } from 'vitest'
import { callWorker, envWith } from '../test/call-worker.js'
import { captureLogs } from '../test/capture-logs.js'
import { emulator } from '../test/emulator-control.js'
import { readTokenBody } from '../test/token-body.js'

beforeAll(async () => {
  await emulator.reset()
})

afterEach(() => {
  vi.restoreAllMocks()
})

test('logs JSON lines without the appSecret, the broker token or any access token', async () => {
  const lines = captureLogs()
  const debug = envWith({ LOG_LEVEL: 'debug' })
  const auth = { authorization: `Bearer ${env.BROKER_TOKEN}` }

  const token = (await readTokenBody(await callWorker(debug))).accessToken // miss, refresh
  await callWorker(debug) // hit
  await callWorker(debug, '/v1/wechat/access-token', {
    headers: { authorization: `Bearer ${env.BROKER_TOKEN}-wrong` },
  })
  await callWorker(debug, '/v1/wechat/access-token/invalidate', {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ accessToken: token }),
  })
  await emulator.setFaults([{ fault: { kind: 'business-error' } }])
  const failed = await callWorker(debug) // refresh fails: 502
  expect(failed.status).toBe(502)
  await callWorker(debug, '/v1/wechat/access-token?access_token=in-the-query', { headers: auth })

  expect(lines.length).toBeGreaterThan(5)
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
  const all = lines.join('\n')
  expect(all).toContain('"message":"WeChat access token cache: hit"')
  expect(all).toContain('"message":"upstream failed"')
  for (const secret of [env.WECHAT_APP_SECRET, env.BROKER_TOKEN, token, 'in-the-query']) {
    expect(secret).toBeDefined()
    expect(all).not.toContain(String(secret))
  }
})
