import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { DTO, OK } from '../../test/client-harness.js'
import { offlineClient, scriptedFetch } from '../../test/global-fetch.js'
import type { AuthenticationClientOptions } from './options.js'

// Delays are checked with fake timers and an injected fetch: exact, and free of wall-clock flakiness.
// The same paths against a real server are covered in errors.test.ts and abort.test.ts.

/**
 * Advances the fake clock to 1 ms before the `attempt`-th fetch is due and checks it has not
 * happened, then by that last millisecond and checks it has.
 *
 * @param fetch - the scripted fetch
 * @param ms - how long after now the attempt is due
 * @param attempt - which fetch call it is (2 for the first retry)
 */
async function expectAttemptAfter(
  fetch: ReturnType<typeof scriptedFetch>,
  ms: number,
  attempt: number,
): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms - 1)
  expect(fetch).toHaveBeenCalledTimes(attempt - 1)
  await vi.advanceTimersByTimeAsync(1)
  expect(fetch).toHaveBeenCalledTimes(attempt)
}

const tooMany = (retryAfter: string) => () =>
  Response.json(
    { statusCode: 429, message: 'slow down' },
    { status: 429, headers: { 'retry-after': retryAfter } },
  )

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-01-01T00:00:00.000Z'))
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

/** A case: its name, the header's value, client options, and when the retry is due (ms). */
type WaitCase = [string, string, Partial<AuthenticationClientOptions>, number]

describe('Retry-After', () => {
  const junk = (value: string): WaitCase => [
    `${JSON.stringify(value)} (neither seconds nor an HTTP date) is ignored: backoff`,
    value,
    {},
    150,
  ]
  test.each<WaitCase>([
    ['in seconds is waited out exactly', '3', {}, 3000],
    ['as an HTTP date is waited out until that date', 'Thu, 01 Jan 2026 00:00:02 GMT', {}, 2000],
    [
      'as an RFC 850 date is waited out until that date',
      'Thursday, 01-Jan-26 00:00:02 GMT',
      {},
      2000,
    ],
    ['is capped at 60 s by default', '3600', {}, 60_000],
    ['is capped at retry.maxRetryAfter', '3600', { retry: { maxRetryAfter: 500 } }, 500],
    ...['soon', '-1', '0x10', 'Infinity', 'May 1'].map(junk),
  ])('%s', async (_label, value, options, ms) => {
    // The backoff's jitter draws 0: half of the first 300 ms.
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const fetch = scriptedFetch([tooMany(value)])
    const call = offlineClient({ fetch, ...options }).getWechatMpAccessTokenInfo(DTO)
    await expectAttemptAfter(fetch, ms, 2)
    await expect(call).resolves.toEqual(OK)
  })
})

describe('exponential backoff with jitter', () => {
  const networkFailure = (): Response => {
    throw new TypeError('fetch failed')
  }

  test('waits between half and all of 300 ms, then 600 ms', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const fetch = scriptedFetch([networkFailure, networkFailure])
    const call = offlineClient({ fetch }).getWechatMpAccessTokenInfo(DTO)
    await expectAttemptAfter(fetch, 150, 2)
    await expectAttemptAfter(fetch, 300, 3)
    await expect(call).resolves.toEqual(OK)
  })

  test('places the first wait within 150-300 ms by the random draw', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const fetch = scriptedFetch([networkFailure])
    const call = offlineClient({ fetch }).getWechatMpAccessTokenInfo(DTO)
    await expectAttemptAfter(fetch, 225, 2)
    await expect(call).resolves.toEqual(OK)
  })

  test('never waits longer than retry.backoffLimit', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.999_999)
    const fetch = scriptedFetch([networkFailure])
    const call = offlineClient({ fetch, retry: { backoffLimit: 40 } }).getWechatMpAccessTokenInfo(
      DTO,
    )
    await expectAttemptAfter(fetch, 40, 2)
    await expect(call).resolves.toEqual(OK)
  })

  test('stops after retry.limit retries', async () => {
    const fetch = scriptedFetch([networkFailure, networkFailure, networkFailure, networkFailure])
    const call = offlineClient({
      fetch,
      retry: { limit: 3, backoffLimit: 0 },
    }).getWechatMpAccessTokenInfo(DTO)
    const settled = call.catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(10)
    await expect(settled).resolves.toMatchObject({ name: 'NetworkError' })
    expect(fetch).toHaveBeenCalledTimes(4)
  })
})

describe('retry logging', () => {
  test('reports each retry at debug level with its reason', async () => {
    const lines: [string, unknown][] = []
    const logger = {
      debug: (message: string, fields?: unknown) => void lines.push([message, fields]),
    }
    const fetch = scriptedFetch([tooMany('0'), () => new Response('', { status: 502 })])
    const call = offlineClient({ fetch, logger }).getWechatMpAccessTokenInfo(DTO)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(call).resolves.toEqual(OK)
    const url = 'https://example.authing.cn/api/v3/get-wechat-access-token-info'
    expect(lines).toEqual([
      ['authing-edge: retrying request', { method: 'POST', url, retry: 1, reason: 'HTTP 429' }],
      ['authing-edge: retrying request', { method: 'POST', url, retry: 2, reason: 'HTTP 502' }],
    ])
  })

  test('a logger that throws does not fail the request', async () => {
    const logger = {
      debug: () => {
        throw new Error('log sink down')
      },
    }
    const fetch = scriptedFetch([tooMany('0')])
    const call = offlineClient({ fetch, logger }).getWechatMpAccessTokenInfo(DTO)
    await vi.advanceTimersByTimeAsync(10)
    await expect(call).resolves.toEqual(OK)
    expect(fetch).toHaveBeenCalledTimes(2)
  })
})
