import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { DTO, OK, rejection } from '../../test/client-harness.js'
import { hang, offlineClient, stubGlobalFetch } from '../../test/global-fetch.js'
import { AuthingApiError } from '../errors/authing-api-error.js'
import { HttpError } from '../errors/http-error.js'
import { NetworkError } from '../errors/network-error.js'
import { TimeoutError } from '../errors/timeout-error.js'
import type { AuthenticationClientOptions } from './options.js'

// On the direct path the first attempt is sent without ky; ky is entered only when that attempt
// does not end in a 2xx, and then gets the attempt's outcome as its own first attempt. Every ky
// instance is wrapped here to count the calls that go through ky.

const ky = vi.hoisted(() => ({ calls: 0 }))

vi.mock('ky', async (importOriginal) => {
  const original = await importOriginal<typeof import('ky')>()
  type Instance = typeof original.default
  const counted = (instance: Instance): Instance =>
    Object.assign(
      (...args: Parameters<Instance>) => {
        ky.calls++
        return instance(...args)
      },
      instance,
      { create: (...args: Parameters<Instance['create']>) => counted(instance.create(...args)) },
    )
  return { ...original, default: counted(original.default) }
})

const status =
  (code: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    Response.json(body, { status: code, headers })

function client(options: Partial<AuthenticationClientOptions> = {}) {
  return offlineClient({ retry: { backoffLimit: 1 }, ...options })
}

beforeEach(() => {
  ky.calls = 0
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the first attempt on the direct path', () => {
  test('a 2xx is returned without entering ky', async () => {
    const calls = stubGlobalFetch([])
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(calls).toHaveLength(1)
    expect(ky.calls).toBe(0)
  })

  test('a 2xx business error is returned as an envelope without entering ky', async () => {
    const failure = { statusCode: 400, message: 'bad appid', apiCode: 40013 }
    stubGlobalFetch([status(200, failure)])
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(failure)
    expect(ky.calls).toBe(0)
  })

  test('a 503 is handed to ky as its first attempt: its Retry-After is waited out, then one request', async () => {
    vi.useFakeTimers()
    const calls = stubGlobalFetch([
      status(503, { statusCode: 503, message: 'busy' }, { 'retry-after': '2' }),
    ])
    const call = client().getWechatMpAccessTokenInfo(DTO)
    await vi.advanceTimersByTimeAsync(1999)
    expect(calls).toHaveLength(1)
    expect(ky.calls).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    await expect(call).resolves.toEqual(OK)
    expect(calls).toHaveLength(2)
    expect(calls.map((c) => c.init?.body)).toEqual([JSON.stringify(DTO), JSON.stringify(DTO)])
  })

  test('a 503 on every attempt makes retry.limit + 1 requests in all, then an HttpError', async () => {
    const busy = status(503, 'busy')
    const calls = stubGlobalFetch([busy, busy, busy, busy])
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(HttpError)
    expect(calls).toHaveLength(3)
  })

  test('a 4xx that is not retried is sent once and becomes the same typed error as through ky', async () => {
    const failure = { statusCode: 401, message: 'no such app', apiCode: 2001 }
    const calls = stubGlobalFetch([status(401, failure)])
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(AuthingApiError)
    expect(error).toMatchObject({ httpStatus: 401, apiCode: 2001 })
    expect(calls).toHaveLength(1)
    expect(ky.calls).toBe(1)
  })

  test('a network error in any wording is retried like one ky saw itself', async () => {
    const calls = stubGlobalFetch([
      () => {
        throw new Error('connection reset by a runtime with its own words')
      },
    ])
    await expect(client().getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(calls).toHaveLength(2)
  })

  test('a network error on every attempt becomes a NetworkError after the retries', async () => {
    const fail = () => {
      throw new TypeError('fetch failed')
    }
    const calls = stubGlobalFetch([fail, fail, fail])
    expect(await rejection(client().getWechatMpAccessTokenInfo(DTO))).toBeInstanceOf(NetworkError)
    expect(calls).toHaveLength(3)
  })

  test('a timed-out first attempt is a TimeoutError, sent once without retry.retryOnTimeout', async () => {
    const calls = stubGlobalFetch([hang])
    const error = await rejection(client({ timeout: 30 }).getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(TimeoutError)
    expect(error).toMatchObject({ timeout: 30 })
    expect(calls).toHaveLength(1)
    expect(calls[0]?.init?.signal?.aborted).toBe(true)
  })

  test('a timed-out first attempt is retried with retry.retryOnTimeout', async () => {
    const calls = stubGlobalFetch([hang])
    const c = client({ timeout: 30, retry: { backoffLimit: 1, retryOnTimeout: true } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(calls).toHaveLength(2)
  })

  test('a caller abort during the first attempt rejects with its reason and never enters ky', async () => {
    const calls = stubGlobalFetch([hang])
    const controller = new AbortController()
    const reason = new Error('caller gave up')
    const settled = client()
      .getWechatMpAccessTokenInfo(DTO, { signal: controller.signal })
      .catch((e: unknown) => e)
    await vi.waitFor(() => expect(calls).toHaveLength(1))
    controller.abort(reason)
    expect(await settled).toBe(reason)
    expect(ky.calls).toBe(0)
  })

  test('the caller signal is released once the call ends', async () => {
    stubGlobalFetch([])
    const controller = new AbortController()
    const listen = vi.spyOn(controller.signal, 'addEventListener')
    const unlisten = vi.spyOn(controller.signal, 'removeEventListener')
    await client().getWechatMpAccessTokenInfo(DTO, { signal: controller.signal })
    expect(listen).toHaveBeenCalledTimes(1)
    expect(unlisten).toHaveBeenCalledWith('abort', listen.mock.calls[0]?.[1])
  })
})

describe('paths that go through ky from the first attempt', () => {
  test('user hooks', async () => {
    stubGlobalFetch([])
    const seen: string[] = []
    const c = client({ hooks: { beforeRequest: [(request) => void seen.push(request.url)] } })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(seen).toHaveLength(1)
    expect(ky.calls).toBe(1)
  })

  test('an injected fetch', async () => {
    const c = client({ fetch: async () => Response.json(OK) })
    await expect(c.getWechatMpAccessTokenInfo(DTO)).resolves.toEqual(OK)
    expect(ky.calls).toBe(1)
  })
})
