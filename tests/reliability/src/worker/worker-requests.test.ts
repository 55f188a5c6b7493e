import * as v from 'valibot'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { times } from '../fault-matrix/fault-case.ts'
import { writeFragment } from '../support/results.ts'
import { findLeaks, namedTokens, SECRETS, WORKER_SECRETS } from '../support/secrets.ts'
import {
  CHECKS,
  INVALIDATE_PATH,
  RETRY_CASES,
  TOKEN_PATH,
  TokenBodySchema,
} from './request-checks.ts'
import {
  type RunningWorker,
  startWorkerOnEmulator,
  type WorkerOnEmulator,
} from './worker-harness.ts'

/** A stuck Worker fails the check instead of hanging the suite. */
const REQUEST_TIMEOUT_MS = 30_000

const ErrorBodySchema = v.object({ error: v.object({ code: v.string(), message: v.string() }) })

let running: WorkerOnEmulator
let worker: RunningWorker
const results: { request: string; expected: string; observed: string; pass: boolean }[] = []
const issuedTokens = new Set<string>()

beforeAll(async () => {
  running = await startWorkerOnEmulator({ seed: 7, inspector: false })
  worker = running.worker
})

afterAll(async () => {
  await running?.dispose()
  if (results.length === CHECKS.length + RETRY_CASES.length)
    await writeFragment('worker-checks', inject('reliabilityRunId'), results)
})

describe('the Worker (apps/wechat-token-worker in workerd) refuses bad requests', () => {
  test.for(CHECKS)('$request: $status', async (check) => {
    const response = await fetch(new URL(check.path, worker.url), {
      method: check.method,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      ...(check.headers === undefined ? {} : { headers: check.headers }),
      ...(check.body === undefined ? {} : { body: check.body(), duplex: 'half' }),
    })
    const text = await response.text()
    const parsedError = v.safeParse(ErrorBodySchema, JSON.parse(text || 'null'))
    const code = parsedError.success ? parsedError.output.error.code : undefined
    const observed = `${response.status}${code === undefined ? '' : ` ${code}`}`
    const expected = `${check.status}${check.code === undefined ? '' : ` ${check.code}`}`
    results.push({ request: check.request, expected, observed, pass: observed === expected })

    expect(observed).toBe(expected)
    if (check.header !== undefined)
      expect(response.headers.get(check.header[0])).toBe(check.header[1])
    expect(response.headers.get('cache-control')).toBe('no-store')
    if (response.status === 200 && check.path === TOKEN_PATH) {
      const token = v.parse(TokenBodySchema, JSON.parse(text))
      issuedTokens.add(token.accessToken)
    } else {
      // No error answer echoes a secret, a presented credential or the cached WeChat token.
      const tokens = namedTokens(issuedTokens)
      expect(findLeaks({ body: text }, { ...WORKER_SECRETS, ...tokens })).toEqual([])
    }
  })

  test('the Worker logged every request, and no secret, credential or WeChat token', () => {
    expect(worker.logs.length).toBeGreaterThanOrEqual(CHECKS.length)
    expect(issuedTokens.size).toBeGreaterThan(0)
    const tokens = namedTokens(issuedTokens)
    expect(findLeaks({ logs: worker.logs.join('\n') }, { ...WORKER_SECRETS, ...tokens })).toEqual(
      [],
    )
  })
})

describe('after an invalidation the Worker asks upstream again, and retries a transient failure', () => {
  const bearer = { authorization: `Bearer ${SECRETS.brokerToken}` }
  const call = (path: string, init: RequestInit = {}) =>
    fetch(new URL(path, worker.url), { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })

  test.for(RETRY_CASES)('$request: 200 after 2 upstream requests', async ({ request, fault }) => {
    const upstream = running.emulator.emulator
    upstream.faults.clear()
    const held = v.parse(
      TokenBodySchema,
      await (await call(TOKEN_PATH, { headers: bearer })).json(),
    )
    issuedTokens.add(held.accessToken)
    // WeChat rejected the token: upstream drops it, the caller reports it to the Worker.
    upstream.tokens.invalidate()
    const dropped = await call(INVALIDATE_PATH, {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ accessToken: held.accessToken }),
    })
    expect(await dropped.json()).toEqual({ invalidated: true })
    upstream.clearRequests()
    upstream.faults.set(times(1, fault))

    const response = await call(TOKEN_PATH, { headers: bearer })
    const body: unknown = await response.json()
    const asked = upstream.counts()['get-wechat-access-token-info']
    const observed = `${response.status} after ${asked} upstream request${asked === 1 ? '' : 's'}`
    const expected = '200 after 2 upstream requests'
    results.push({ request, expected, observed, pass: observed === expected })
    upstream.faults.clear()
    if (response.status === 200) issuedTokens.add(v.parse(TokenBodySchema, body).accessToken)
    expect(observed).toBe(expected)
  })
})
