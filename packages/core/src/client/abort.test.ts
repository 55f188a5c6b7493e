import { describe, expect, test } from 'vitest'
import { clientOf, DTO, useTestServer } from '../../test/client-harness.js'
import { hang, json } from '../../test/http-test-server.js'
import { AuthenticationClient } from './authentication-client.js'

const server = useTestServer()

function client() {
  // Long timeout and long Retry-After: if the abort were not prompt, the test would time out.
  return clientOf(server(), { timeout: 60_000 })
}

describe('aborting with an AbortSignal', () => {
  test('aborts a request in flight and rejects with the caller reason', async () => {
    server().setDefault(hang)
    const controller = new AbortController()
    const reason = new Error('caller gave up')
    const call = client().getWechatMpAccessTokenInfo(DTO, { signal: controller.signal })
    await server().waitForRequests(1)
    controller.abort(reason)
    await expect(call).rejects.toBe(reason)
    // The connection itself was closed, not just the promise settled.
    await server().waitForAbandoned(1)
    expect(server().requests).toHaveLength(1)
  })

  test('aborts a retry backoff and rejects with the caller reason', async () => {
    server().setDefault(json({ statusCode: 503, message: 'busy' }, 503, { 'retry-after': '30' }))
    const controller = new AbortController()
    const reason = new Error('shutting down')
    let answered!: () => void
    const firstAnswer = new Promise<void>((resolve) => {
      answered = resolve
    })
    // The 503 has fully arrived when afterResponse runs: from then on the client is between
    // attempts, waiting out the 30 s Retry-After, with nothing in flight.
    const c = new AuthenticationClient({
      appId: 'authing-app-id',
      appHost: server().url,
      hooks: { afterResponse: [() => answered()] },
    })
    const call = c.getWechatMpAccessTokenInfo(DTO, { signal: controller.signal })
    await firstAnswer
    controller.abort(reason)
    await expect(call).rejects.toBe(reason)
    expect(server().requests).toHaveLength(1)
  })

  test('rejects with the default AbortError when aborted without a reason', async () => {
    server().setDefault(hang)
    const controller = new AbortController()
    const call = client().getWechatMpAccessTokenInfo(DTO, { signal: controller.signal })
    await server().waitForRequests(1)
    controller.abort()
    await expect(call).rejects.toBe(controller.signal.reason)
    await expect(call).rejects.toMatchObject({ name: 'AbortError' })
  })

  test('an already aborted signal sends nothing', async () => {
    const reason = new Error('too late')
    await expect(
      client().getWechatMpAccessTokenInfo(DTO, { signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason)
    expect(server().requests).toHaveLength(0)
  })

  test('AbortSignal.timeout rejects with its own TimeoutError DOMException, not ours', async () => {
    server().setDefault(hang)
    const error = await client()
      .getWechatMpAccessTokenInfo(DTO, { signal: AbortSignal.timeout(50) })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DOMException)
    expect(error).toMatchObject({ name: 'TimeoutError' })
  })
})
