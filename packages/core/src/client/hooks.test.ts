import ky, { HTTPError, TimeoutError as KyTimeoutError, type NormalizedOptions } from 'ky'
import { describe, expect, test, vi } from 'vitest'
import { DTO, OK, rejection } from '../../test/client-harness.js'
import { offlineClient, scriptedFetch } from '../../test/global-fetch.js'
import { NetworkError } from '../errors/network-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import type { AuthenticationClientOptions } from './options.js'

// ky 1 hooks, run through an injected fetch: what a hook can do to a call, and what it cannot.

/** A fetch that answers with the given statuses in turn, then `OK`; counts its calls. */
function fetchAnswering(...statuses: number[]) {
  return scriptedFetch(statuses.map((status) => () => new Response('<p>busy</p>', { status })))
}

/** A response whose body never arrives. */
function stalled(status: number): Response {
  return new Response(new ReadableStream({ pull: () => new Promise(() => undefined) }), { status })
}

const quick = { retry: { backoffLimit: 1 } } satisfies Partial<AuthenticationClientOptions>

describe('hooks', () => {
  // Whatever a hook throws is the hook's own error, even one of ky's classes from a ky call or a
  // fetch of its own: it is never retried, and never taken for the client's timeout or an answer.
  test.each([
    ['beforeRequest', 'RangeError', () => new RangeError('the hook found no tenant')],
    [
      'beforeRequest',
      'TimeoutError',
      () => new DOMException('the lookup timed out', 'TimeoutError'),
    ],
    // ky's own TimeoutError, as a ky call inside the hook would throw it.
    ['beforeRequest', 'TimeoutError', (request: Request) => new KyTimeoutError(request)],
    [
      'afterResponse',
      'HTTPError',
      (request: Request, options: NormalizedOptions) =>
        new HTTPError(new Response('', { status: 503 }), request, options),
    ],
    ['afterResponse', 'TypeError', () => new TypeError('fetch failed')],
  ] as const)(
    'a %s hook that throws a %s ends the call without a retry, as a NetworkError with that cause',
    async (kind, name, make) => {
      let runs = 0
      const hook = (request: Request, options: NormalizedOptions) => {
        runs++
        throw make(request, options)
      }
      const c = offlineClient({
        fetch: fetchAnswering(),
        retry: { backoffLimit: 1, retryOnTimeout: true },
        hooks: kind === 'beforeRequest' ? { beforeRequest: [hook] } : { afterResponse: [hook] },
      })
      const error = await rejection(c.getWechatMpAccessTokenInfo(DTO))
      expect(error).toBeInstanceOf(NetworkError)
      expect((error as NetworkError).cause).toMatchObject({ name })
      expect(runs).toBe(1)
    },
  )

  test('a beforeRetry hook that returns ky.stop ends the call with the error it was shown', async () => {
    const fetch = fetchAnswering(503, 503)
    const c = offlineClient({ ...quick, fetch, hooks: { beforeRetry: [() => ky.stop] } })
    const error = await rejection(c.getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({ name: 'HttpError', status: 503, bodyExcerpt: '<p>busy</p>' })
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  test('a beforeError hook that returns nothing keeps the retries and the HttpError', async () => {
    const seen: number[] = []
    const fetch = fetchAnswering(503, 503, 503)
    const c = offlineClient({
      ...quick,
      fetch,
      hooks: {
        // @ts-expect-error: it only logs, as a JavaScript caller's hook may, and returns nothing
        beforeError: [(error) => void seen.push(error.response.status)],
      },
    })
    const error = await rejection(c.getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({ name: 'HttpError', status: 503, bodyExcerpt: '<p>busy</p>' })
    expect(fetch).toHaveBeenCalledTimes(3)
    expect(seen).toEqual([503, 503, 503])
  })

  test('a beforeError hook that returns nothing does not stop a retry that succeeds', async () => {
    const fetch = fetchAnswering(503)
    // @ts-expect-error: the hook returns nothing, as a JavaScript caller's hook may
    const c = offlineClient({ ...quick, fetch, hooks: { beforeError: [() => undefined] } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  test('a non-2xx response returned by a beforeRetry hook is an HttpError', async () => {
    const c = offlineClient({
      ...quick,
      fetch: fetchAnswering(503),
      hooks: {
        beforeRetry: [() => new Response('bad gateway', { status: 502 })],
      },
    })
    const error = await rejection(c.getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({ name: 'HttpError', status: 502, bodyExcerpt: 'bad gateway' })
  })
})

describe('a response a hook puts in place', () => {
  test.each([
    [200, 'a TimeoutError', { name: 'TimeoutError', timeout: 50 }],
    [404, 'an HttpError without an excerpt', { name: 'HttpError', status: 404, bodyExcerpt: '' }],
  ])(
    'with status %i, whose body stalls, is %s once the timeout runs out',
    async (status, _what, expected) => {
      const c = offlineClient({
        fetch: fetchAnswering(),
        timeout: 50,
        hooks: { afterResponse: [() => stalled(status)] },
      })
      await expect(rejection(c.getWechatMpAccessTokenInfo(DTO))).resolves.toMatchObject(expected)
    },
  )

  test.each([200, 404])(
    'with status %i, while its body stalls, rejects with the caller’s abort reason',
    async (status) => {
      const controller = new AbortController()
      const reason = new Error('the caller gave up')
      const c = offlineClient({
        fetch: fetchAnswering(),
        hooks: {
          afterResponse: [
            () => {
              setTimeout(() => controller.abort(reason), 20)
              return stalled(status)
            },
          ],
        },
      })
      await expect(c.getWechatMpAccessTokenInfo(DTO, { signal: controller.signal })).rejects.toBe(
        reason,
      )
    },
  )
})

describe('an injected fetch', () => {
  test("that throws the client's own TimeoutError is not retried, even with retryOnTimeout", async () => {
    const thrown = new TimeoutError(5)
    const fetch = vi.fn(async (): Promise<Response> => {
      throw thrown
    })
    const c = offlineClient({ fetch, retry: { backoffLimit: 1, retryOnTimeout: true } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).rejects.toBe(thrown)
    expect(fetch).toHaveBeenCalledTimes(1)
  })
})
