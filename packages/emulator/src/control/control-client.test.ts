import { describe, expect, test } from 'vitest'
import { tokenRequest } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'
import { REDACTED } from '../state/redact.js'
import { createControlClient } from './control-client.js'

const T0 = Date.UTC(2026, 0, 1)

function setup() {
  const emulator = createEmulator({ startAt: T0 })
  return { emulator, client: createControlClient('http://emulator.test/', { fetch: emulator }) }
}

describe('createControlClient', () => {
  test('programs faults that the emulator then applies', async () => {
    const { emulator, client } = setup()
    const ids = await client.addFaults({ sequence: [{ kind: 'http-error', status: 503 }] })
    expect(ids).toHaveLength(1)
    expect((await emulator(tokenRequest())).status).toBe(503)
    await client.setFaults([{ fault: { kind: 'rate-limit' } }])
    expect((await emulator(tokenRequest())).status).toBe(429)
    await client.clearFaults()
    expect((await emulator(tokenRequest())).status).toBe(200)
  })

  test('moves the clock and reads it', async () => {
    const { client } = setup()
    expect(await client.advanceClock(1_000)).toEqual({
      now: T0 + 1_000,
      nowSeconds: T0 / 1000 + 1,
      frozen: true,
    })
    expect((await client.clock()).now).toBe(T0 + 1_000)
    expect((await client.clock({ setMs: 5_000 })).now).toBe(5_000)
  })

  test('reads typed, redacted requests and counts', async () => {
    const { emulator, client } = setup()
    await emulator(tokenRequest())
    await emulator(tokenRequest({ endpoint: 'get-wechat-access-token' }))
    const requests = await client.requests('get-wechat-access-token')
    expect(requests).toHaveLength(1)
    expect(requests[0]?.body).toMatchObject({ appSecret: REDACTED })
    expect(requests[0]?.outcome.result).toBe('success')
    expect(await client.counts()).toMatchObject({ 'get-wechat-access-token': 1 })
    await client.clearRequests()
    expect(await client.requests()).toEqual([])
  })

  test('reads and invalidates tokens, changes settings and resets', async () => {
    const { emulator, client } = setup()
    await emulator(tokenRequest())
    const [token] = await client.tokens()
    expect(token?.generation).toBe(1)
    expect(await client.invalidateTokens(token?.wechatAppId)).toBe(1)
    expect(await client.updateSettings({ requireUserToken: true })).toMatchObject({
      requireUserToken: true,
    })
    await client.reset()
    expect(emulator.settings().requireUserToken).toBe(false)
  })

  test('throws with the control API message when a call is refused', async () => {
    const { client } = setup()
    await expect(client.updateSettings({ renewBeforeSeconds: 10_000 })).rejects.toThrow(
      /^Emulator control API: PATCH \/__emulator\/settings failed with HTTP 400: renewBeforeSeconds/,
    )
  })

  test('throws when the control API is off', async () => {
    const emulator = createEmulator({ controlApi: false })
    const client = createControlClient('http://emulator.test', { fetch: emulator })
    await expect(client.counts()).rejects.toThrow(/GET \/__emulator\/counts failed with HTTP 404/)
  })
})
