import {
  AuthenticationClient,
  WechatAccessTokenCache,
  type WechatAccessTokenCacheOptions,
} from '@authing-edge/core'
import type { Fault, FaultRule } from '@authing-edge/emulator'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type MatrixEnvironment, startMatrixEnvironment } from '../fault-matrix/environment.ts'
import { always } from '../fault-matrix/fault-case.ts'
import {
  CLIENT_SECRETS,
  errorSurfaces,
  findLeaks,
  namedTokens,
  SECRETS,
} from '../support/secrets.ts'
import { capturingLogger, eventRecorder, recordingStore } from './capture.ts'

const WECHAT_APP_ID = 'wx0123456789abcdef'

let env: MatrixEnvironment
/** WeChat tokens the caches handed out: they belong in the store, never in an event or a log. */
const issued = new Set<string>()
/** Every event type and error class the suite produced; the last test checks the coverage. */
const eventTypes = new Set<string>()
const errorNames = new Set<string>()

beforeAll(async () => {
  env = await startMatrixEnvironment({
    authingAppId: 'authing-app',
    wechatAppId: WECHAT_APP_ID,
    wechatAppSecret: SECRETS.wechatAppSecret,
    userAccessToken: SECRETS.userAccessToken,
  })
})
afterAll(async () => {
  await env.close()
})

function harness(overrides: Partial<WechatAccessTokenCacheOptions> = {}) {
  const logger = capturingLogger()
  const events = eventRecorder()
  const store = recordingStore()
  const client = new AuthenticationClient({
    appId: 'authing-app',
    appHost: env.emulator.url,
    accessToken: SECRETS.userAccessToken,
    appSecret: SECRETS.authingAppSecret,
    timeout: 300,
    retry: { limit: 1, backoffLimit: 10, maxRetryAfter: 10 },
    logger,
  })
  const cache = new WechatAccessTokenCache({
    client,
    appId: WECHAT_APP_ID,
    appSecret: SECRETS.wechatAppSecret,
    store,
    onEvent: events.onEvent,
    ...overrides,
  })
  const background: Promise<unknown>[] = []
  const get = async () => {
    try {
      const token = await cache.get({ waitUntil: (p) => background.push(p) })
      issued.add(token.accessToken)
      return { token, error: undefined }
    } catch (error) {
      errorNames.add(error instanceof Error ? error.name : typeof error)
      return { token: undefined, error }
    }
  }
  /** Scans everything this harness produced. */
  const leaks = (errors: readonly unknown[] = []) => {
    for (const type of events.types) eventTypes.add(type)
    const told = { events: events.lines.join('\n'), logs: logger.lines.join('\n'), key: cache.key }
    return [
      ...findLeaks(told, { ...CLIENT_SECRETS, ...namedTokens(issued) }),
      ...findLeaks({ 'store keys and values': store.seen.join('\n') }, CLIENT_SECRETS),
      ...errors.flatMap((error, i) =>
        findLeaks(errorSurfaces(error, `error ${i}`), CLIENT_SECRETS),
      ),
    ]
  }
  return { cache, events, logger, store, get, leaks, settle: () => Promise.all(background) }
}

/** Replaces the emulator's fault rules; none for clean answers. */
const faults = (rules: FaultRule[] = []) => env.emulator.emulator.faults.set(rules)

describe('no secret reaches a cache event, a log line, a cache key or a store key', () => {
  test('hits, misses, refreshes and a compare-and-invalidate', async () => {
    faults()
    const h = harness()
    const first = await h.get()
    const again = await h.get()
    expect(again.token).toBe(first.token)
    await h.cache.invalidate(first.token?.accessToken ?? '')
    env.emulator.emulator.tokens.invalidate()
    const next = await h.get()
    expect(next.token?.accessToken).not.toBe(first.token?.accessToken)
    await h.settle()
    expect(h.events.types).toEqual(expect.arrayContaining(['miss', 'refresh', 'hit', 'invalidate']))
    expect(h.store.seen.some((line) => line.startsWith('set '))).toBe(true)
    expect(h.leaks()).toEqual([])
  })

  const failures: readonly { label: string; fault: Fault }[] = [
    { label: 'HTTP 503', fault: { kind: 'http-error', status: 503 } },
    { label: 'a reset', fault: { kind: 'reset' } },
    { label: 'a hang', fault: { kind: 'hang' } },
    { label: 'malformed JSON', fault: { kind: 'malformed-json' } },
    { label: 'a 429', fault: { kind: 'rate-limit', retryAfter: false } },
    { label: 'a business error', fault: { kind: 'business-error' } },
  ]
  test.for(failures)('an upstream failure with nothing cached ($label)', async ({ fault }) => {
    faults(always(fault))
    const h = harness()
    const { error } = await h.get()
    expect(error).toBeDefined()
    expect(h.events.types).toContain('refresh-failed')
    expect(h.leaks([error])).toEqual([])
  })

  test('a wrong appSecret: a permanent error, remembered and rethrown (negative hit)', async () => {
    faults()
    const h = harness({ appSecret: `${SECRETS.wechatAppSecret}-wrong` })
    const first = await h.get()
    const second = await h.get()
    expect(first.error).toMatchObject({ name: 'AuthingApiError', apiCode: 40125 })
    expect(second.error).toBe(first.error)
    expect(h.events.types).toContain('negative-hit')
    expect(h.leaks([first.error])).toEqual([])
  })

  test('a failed background refresh while a token is held: stale-served', async () => {
    faults()
    const h = harness({ refreshAheadMs: 24 * 3_600_000, minRefreshIntervalMs: 0 })
    const held = await h.get()
    await h.settle()
    faults(always({ kind: 'http-error', status: 502 }))
    const served = await h.get()
    await h.settle()
    expect(served.token).toBe(held.token)
    expect(h.events.types).toEqual(expect.arrayContaining(['refresh-failed', 'stale-served']))
    expect(h.leaks()).toEqual([])
  })

  test('a caller that stops waiting on another call’s refresh: wait-timeout', async () => {
    faults(always({ kind: 'hang' }))
    const h = harness({ maxWaitMs: 50 })
    const [owner, waiter] = await Promise.all([h.get(), h.get()])
    expect(waiter.error).toMatchObject({ name: 'CacheWaitTimeoutError' })
    expect(owner.error).toMatchObject({ name: 'TimeoutError' })
    expect(h.events.types).toContain('wait-timeout')
    expect(h.leaks([owner.error, waiter.error])).toEqual([])
  })

  test('a store whose errors quote the secrets, and one that holds garbage: store-error', async () => {
    faults()
    const h = harness()
    h.store.failWith = Object.assign(new Error(`store down: ${SECRETS.wechatAppSecret}`), {
      name: 'StoreError',
      detail: SECRETS.userAccessToken,
    })
    const served = await h.get()
    await h.settle()
    expect(served.token).toBeDefined()
    h.store.failWith = undefined
    const garbage = harness({
      store: {
        get: async () => ({ accessToken: SECRETS.wechatAppSecret }),
        set: async () => undefined,
        delete: async () => undefined,
      },
    })
    await garbage.get()
    await garbage.settle()
    expect(h.events.types).toContain('store-error')
    expect(garbage.events.types).toContain('store-error')
    expect(h.leaks()).toEqual([])
    expect(garbage.leaks()).toEqual([])
  })

  test('a hand-made token source that returns envelopes quoting the secret', async () => {
    const events = eventRecorder()
    const logger = capturingLogger()
    const answers: unknown[] = [
      { statusCode: 400, apiCode: 40125, message: `bad ${SECRETS.wechatAppSecret}` },
      {
        statusCode: 200,
        message: SECRETS.wechatAppSecret,
        data: { accessToken: 1, expiresAt: SECRETS.wechatAppSecret },
      },
    ]
    const errors: unknown[] = []
    for (const answer of answers) {
      // An untyped source, as a JavaScript caller can pass: the cache must not trust it.
      const source = {
        appId: 'authing-app',
        appHost: 'https://example.authing.cn',
        logger,
        getWechatMpAccessTokenInfo: async () => answer,
      }
      const cache: WechatAccessTokenCache = Reflect.construct(WechatAccessTokenCache, [
        {
          client: source,
          appId: WECHAT_APP_ID,
          appSecret: SECRETS.wechatAppSecret,
          onEvent: events.onEvent,
        },
      ])
      await cache.get().catch((error: unknown) => errors.push(error))
    }
    expect(errors.map((error) => Reflect.get(Object(error), 'name'))).toEqual([
      'AuthingApiError',
      'ResponseValidationError',
    ])
    const told = { events: events.lines.join('\n'), logs: logger.lines.join('\n') }
    expect(findLeaks(told, CLIENT_SECRETS)).toEqual([])
    for (const [i, error] of errors.entries()) {
      expect(findLeaks(errorSurfaces(error, `error ${i}`), CLIENT_SECRETS)).toEqual([])
    }
  })

  test('the suite produced every cache event type and error class it claims to cover', () => {
    expect([...eventTypes].sort()).toEqual([
      'hit',
      'invalidate',
      'miss',
      'negative-hit',
      'refresh',
      'refresh-failed',
      'stale-served',
      'store-error',
      'wait-timeout',
    ])
    expect([...errorNames].sort()).toEqual([
      'AuthingApiError',
      'CacheWaitTimeoutError',
      'HttpError',
      'NetworkError',
      'ResponseValidationError',
      'TimeoutError',
    ])
  })
})
