import { MemoryStore, WechatAccessTokenCache } from '@authing-edge/core'
import { describe, expect, test } from 'vitest'
import {
  build,
  expectConfigErrorFor,
  MARK,
  missing,
  outcomeOf,
  type Row,
  row,
} from './option-rows.ts'

/** A token source that is never called: construction must not need it. */
const client = {
  appId: 'authing-app',
  appHost: 'https://example.authing.cn',
  getWechatMpAccessTokenInfo: async () => {
    throw new Error('not called')
  },
}
const BASE = { client, appId: 'wx0123456789', appSecret: 'wechat-secret' }

const DURATIONS = ['refreshAheadMs', 'minRefreshIntervalMs', 'skewMs', 'maxWaitMs', 'negativeTtlMs']

const ROWS: readonly Row[] = [
  missing('client'),
  row('client', 'a string', { client: MARK }),
  row('client', 'an object without the method', { client: { appId: 'a', appHost: 'h' } }),
  row('client', 'an object without appId', { client: { ...client, appId: undefined } }),
  row('client', 'an object with a numeric appHost', { client: { ...client, appHost: 1 } }),
  row('client', 'null', { client: null }),
  missing('appId'),
  row('appId', 'empty', { appId: '' }),
  row('appId', 'a number', { appId: 42 }),
  missing('appSecret'),
  row('appSecret', 'empty', { appSecret: '' }),
  row('appSecret', 'a number', { appSecret: 42 }),
  row('store', 'a string', { store: MARK }),
  row('store', 'an object without delete', {
    store: { get: async () => undefined, set: async () => undefined },
  }),
  row('store', 'null', { store: null }),
  ...DURATIONS.flatMap((option) =>
    [-1, Number.NaN, Number.POSITIVE_INFINITY, `${MARK}100`, null].map((value) =>
      row(option, `${option} ${String(value)}`, { [option]: value }),
    ),
  ),
  row('now', 'a number', { now: 1_700_000_000_000 }),
  row('now', 'a string', { now: MARK }),
  row('now', 'null', { now: null }),
  row('onEvent', 'a string', { onEvent: MARK }),
  row('onEvent', 'an object', { onEvent: { handleEvent: () => undefined } }),
  row('onEvent', 'null', { onEvent: null }),
]

const construct = (options: unknown): unknown =>
  outcomeOf(() => Reflect.construct(WechatAccessTokenCache, [options]))

describe('WechatAccessTokenCache options', () => {
  test('client, appId and appSecret alone construct a cache; every other option is optional', () => {
    expect(construct(BASE)).toBeInstanceOf(WechatAccessTokenCache)
  })

  test('every optional option accepts a well-formed value', () => {
    const options = {
      ...BASE,
      store: new MemoryStore(),
      refreshAheadMs: 0,
      minRefreshIntervalMs: 1,
      skewMs: 0,
      maxWaitMs: 0,
      negativeTtlMs: 0,
      now: () => 0,
      onEvent: () => undefined,
    }
    expect(construct(options)).toBeInstanceOf(WechatAccessTokenCache)
  })

  test.for(ROWS)('$option ($label) is a ConfigError naming it, without quoting the value', (r) => {
    expectConfigErrorFor(construct(build(BASE, r)), r)
  })

  test.for([
    { label: 'undefined', value: undefined },
    { label: 'null', value: null },
    { label: 'a string', value: 'wx' },
    { label: 'a number', value: 42 },
  ])('options as $label instead of an object is a ConfigError', ({ value }) => {
    expect(construct(value)).toMatchObject({ name: 'ConfigError', option: 'options' })
  })

  test('invalidate refuses an empty or non-string token with a ConfigError naming accessToken', async () => {
    const cache = new WechatAccessTokenCache(BASE)
    for (const token of ['', 42, undefined]) {
      const result: Promise<unknown> = Reflect.apply(cache.invalidate, cache, [token])
      await expect(result).rejects.toMatchObject({ name: 'ConfigError', option: 'accessToken' })
    }
  })
})
