import { WechatAccessTokenSuccessSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { afterEach, describe, expect, test } from 'vitest'
import { tokenRequest } from '../../test/requests.js'
import { createControlClient } from '../control/control-client.js'
import { createEmulator } from '../create-emulator.js'
import type { RecordedRequest } from '../state/request-record.js'
import { MAX_REQUEST_BYTES } from './node-adapter.js'
import { type EmulatorServer, startEmulatorServer } from './start-emulator-server.js'

const servers: EmulatorServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function start(options: Parameters<typeof startEmulatorServer>[0] = {}) {
  const server = await startEmulatorServer(options)
  servers.push(server)
  return server
}

/** Waits (by yielding to the event loop, not by time) until `check` holds. */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !check(); i++) await new Promise((r) => setImmediate(r))
  expect(check()).toBe(true)
}

describe('startEmulatorServer', () => {
  test('serves the endpoints on a free loopback port, with CORS and the control API', async () => {
    const server = await start()
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    const response = await fetch(tokenRequest({ base: server.url }))
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    const body = v.parse(WechatAccessTokenSuccessSchema, await response.json())
    expect(body.data.accessToken).toMatch(/^1_EMU/)
    const control = createControlClient(server.url)
    expect(await control.counts()).toMatchObject({ 'get-wechat-access-token-info': 1 })
    const [recorded] = await control.requests()
    expect(recorded?.headers.host).toBeUndefined()
    expect(recorded?.headers['x-authing-app-id']).toBe('authing-edge-demo-app')
  })

  test('a reset fault drops the connection: fetch fails with a network error', async () => {
    const server = await start({ faults: [{ fault: { kind: 'reset' }, times: 1 }] })
    await expect(fetch(tokenRequest({ base: server.url }))).rejects.toThrow(TypeError)
    expect((await fetch(tokenRequest({ base: server.url }))).status).toBe(200)
  })

  test('a truncated body with abort fails while the client reads it', async () => {
    const server = await start({ faults: [{ fault: { kind: 'truncated', abort: true } }] })
    const response = await fetch(tokenRequest({ base: server.url }))
    expect(response.status).toBe(200)
    await expect(response.text()).rejects.toThrow(TypeError)
  })

  test('a slow drip reaches the client in several pieces', async () => {
    const server = await start({
      faults: [{ fault: { kind: 'slow-drip', chunkBytes: 32, intervalMs: 5 } }],
    })
    const response = await fetch(tokenRequest({ base: server.url }))
    const reader = response.body?.getReader()
    let pieces = 0
    let text = ''
    for (;;) {
      const chunk = await reader?.read()
      if (!chunk || chunk.done) break
      pieces++
      text += new TextDecoder().decode(chunk.value, { stream: true })
    }
    expect(pieces).toBeGreaterThan(1)
    expect(v.parse(WechatAccessTokenSuccessSchema, JSON.parse(text)).statusCode).toBe(200)
  })

  test('a redirect is sent as-is, Location pointing at another host', async () => {
    const server = await start({ faults: [{ fault: { kind: 'redirect' } }] })
    const response = await fetch(tokenRequest({ base: server.url }), { redirect: 'manual' })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toMatch(/^https:\/\/redirected\.example\.com\//)
  })

  test('close() ends hanging connections and resolves', async () => {
    const emulator = createEmulator({ faults: [{ fault: { kind: 'hang' } }] })
    const server = await startEmulatorServer({ emulator })
    const pending = fetch(tokenRequest({ base: server.url })).then(
      () => 'answered',
      (error: unknown) => (error instanceof TypeError ? 'network error' : 'other error'),
    )
    await until(() => emulator.requests().length === 1)
    await server.close()
    expect(await pending).toBe('network error')
    expect(emulator.requests()[0]?.outcome).toMatchObject({ result: 'fault', fault: 'hang' })
    expect(server.emulator).toBe(emulator)
  })

  test('a client that goes away aborts its request inside the emulator', async () => {
    const settled: RecordedRequest[] = []
    const server = await start({
      faults: [{ fault: { kind: 'latency', ms: 3_600_000 } }],
      onRequest: (entry) => settled.push(entry),
    })
    const controller = new AbortController()
    const pending = fetch(tokenRequest({ base: server.url, signal: controller.signal })).catch(
      (error: unknown) => error,
    )
    await until(() => server.emulator.requests().length === 1)
    controller.abort()
    expect(await pending).toMatchObject({ name: 'AbortError' })
    await until(() => settled.length === 1)
    expect(settled[0]?.outcome.status).toBe(0)
  })

  test('refuses request bodies over 1 MiB with HTTP 413', async () => {
    const server = await start()
    const response = await fetch(
      tokenRequest({ base: server.url, rawBody: 'x'.repeat(MAX_REQUEST_BYTES + 1) }),
    )
    expect(response.status).toBe(413)
  })

  test('can run without CORS and without the control API', async () => {
    const server = await start({ cors: false, controlApi: false })
    const response = await fetch(`${server.url}/__emulator/counts`)
    expect(response.status).toBe(404)
    expect(response.headers.has('access-control-allow-origin')).toBe(false)
  })

  test('reports a port already in use', async () => {
    const server = await start()
    await expect(startEmulatorServer({ port: server.port })).rejects.toMatchObject({
      code: 'EADDRINUSE',
    })
  })
})
