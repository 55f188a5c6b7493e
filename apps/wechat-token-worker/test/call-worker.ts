// Calls the Worker's fetch handler directly, with bindings of the test's choosing, inside
// workerd, and waits for the work it handed to ctx.waitUntil.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type { WorkerEnv } from '../src/env.js'
import worker from '../src/index.js'

/** The test bindings with some replaced (or removed, with `undefined`). */
export function envWith(overrides: WorkerEnv): WorkerEnv {
  return { ...env, ...overrides }
}

/**
 * `GET /v1/wechat/access-token` (or `path`) through the Worker's handler with `bindings`.
 *
 * @returns the response, once every `waitUntil` promise has settled
 */
export async function callWorker(
  bindings: WorkerEnv,
  path = '/v1/wechat/access-token',
  init: RequestInit = { headers: { authorization: `Bearer ${env.BROKER_TOKEN}` } },
): Promise<Response> {
  const ctx = createExecutionContext()
  const response = await worker.fetch(
    new Request(`https://broker.test${path}`, init),
    bindings,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return response
}
