import { WechatAccessTokenSuccessSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { afterEach, describe, expect, test } from 'vitest'
import {
  BENCH_ACCESS_TOKEN,
  type FixedEnvelopeServer,
  startFixedEnvelopeServer,
  TOKEN_INFO_PATH,
} from './fixed-envelope-server.ts'

let server: FixedEnvelopeServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('startFixedEnvelopeServer', () => {
  test('answers the token-info call with an envelope the upstream schema accepts', async () => {
    server = await startFixedEnvelopeServer(60)
    const res = await fetch(`${server.url}${TOKEN_INFO_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: 'wx', appSecret: 'secret' }),
    })
    expect(res.status).toBe(200)
    const envelope = v.parse(WechatAccessTokenSuccessSchema, await res.json())
    expect(envelope.data.accessToken).toBe(BENCH_ACCESS_TOKEN)
    const expiresAt = Number(envelope.data.expiresAt)
    expect(expiresAt * 1000).toBeGreaterThan(Date.now())
    expect(expiresAt * 1000).toBeLessThanOrEqual(Date.now() + 61_000)
  })

  test('counts calls to the endpoint apart from anything else', async () => {
    server = await startFixedEnvelopeServer()
    await (
      await fetch(`${server.url}/sub${TOKEN_INFO_PATH}`, { method: 'POST', body: '{}' })
    ).text()
    await (await fetch(`${server.url}${TOKEN_INFO_PATH}`)).text()
    const wrongPath = await fetch(`${server.url}/api/v3/get-wechat-access-token`, {
      method: 'POST',
    })
    await wrongPath.text()
    expect(wrongPath.status).toBe(404)
    expect(server.hits()).toBe(1)
    expect(server.misses()).toBe(2)
  })

  test('listens on loopback only', async () => {
    server = await startFixedEnvelopeServer()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })
})
