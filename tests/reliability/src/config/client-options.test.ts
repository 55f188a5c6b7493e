import { AuthenticationClient } from '@authing-edge/core'
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

const BASE = { appId: 'app-id', appHost: 'https://example.authing.cn' }

const retryWith = (key: string, value: unknown, label: string): Row =>
  row(`retry.${key}`, label, { retry: { [key]: value } })

const ROWS: readonly Row[] = [
  missing('appId'),
  row('appId', 'empty', { appId: '' }),
  row('appId', 'a number', { appId: 42 }),
  row('appId', 'null', { appId: null }),
  missing('appHost'),
  row('appHost', 'empty', { appHost: '' }),
  row('appHost', 'blank', { appHost: '   ' }),
  row('appHost', 'a number', { appHost: 42 }),
  row('appHost', 'another scheme', { appHost: `ftp://${MARK}.example` }),
  row('appHost', 'a scheme without //', { appHost: `https:${MARK}.example` }),
  row('appHost', 'credentials in the URL', { appHost: `https://user:${MARK}@example.authing.cn` }),
  row('appHost', 'a query string', { appHost: `https://example.authing.cn/?k=${MARK}` }),
  row('appHost', 'a fragment', { appHost: `https://example.authing.cn/#${MARK}` }),
  row('appHost', 'unparsable', { appHost: `https://exa mple ${MARK}` }),
  row('appSecret', 'empty', { appSecret: '' }),
  row('appSecret', 'a number', { appSecret: 42 }),
  row('accessToken', 'empty', { accessToken: '' }),
  row('accessToken', 'an object', { accessToken: { token: MARK } }),
  ...[0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, `${MARK}1000`].map((value) =>
    row('timeout', `timeout ${String(value)}`, { timeout: value }),
  ),
  ...[-1, 101, 1.5, MARK, true, []].map((value) =>
    row('retry', `retry ${JSON.stringify(value)}`, { retry: value }),
  ),
  retryWith('limit', -1, 'negative'),
  retryWith('limit', 2.5, 'fractional'),
  retryWith('limit', MARK, 'a string'),
  retryWith('backoffLimit', -1, 'negative'),
  retryWith('backoffLimit', Number.NaN, 'NaN'),
  retryWith('maxRetryAfter', -5, 'negative'),
  retryWith('maxRetryAfter', MARK, 'a string'),
  retryWith('retryOnTimeout', 'yes', 'a string'),
  retryWith('retryOnTimeout', 1, 'a number'),
  row('fetch', 'a string', { fetch: MARK }),
  row('fetch', 'an object', { fetch: {} }),
  row('fetch', 'null', { fetch: null }),
  row('headers', 'a string', { headers: MARK }),
  row('headers', 'an array', { headers: [['x', 'y']] }),
  row('headers.x-custom', 'a non-string value', { headers: { 'x-custom': 42 } }),
  row('headers.bad name', 'an invalid name', { headers: { 'bad name': 'v' } }),
  row('headers.x-line', 'a value with a line break', { headers: { 'x-line': `a\r\n${MARK}` } }),
  row('hooks', 'a string', { hooks: MARK }),
  ...['beforeRequest', 'beforeRetry', 'afterResponse', 'beforeError'].flatMap((hook) => [
    row(`hooks.${hook}`, 'not an array', { hooks: { [hook]: () => undefined } }),
    row(`hooks.${hook}`, 'an array with a non-function', { hooks: { [hook]: [MARK] } }),
  ]),
  row('hooks.init', 'a hook ky 1 does not have', { hooks: { init: [() => MARK] } }),
  row('logger', 'a string', { logger: MARK }),
  row('logger', 'null', { logger: null }),
  row('throwOnApiError', 'a string', { throwOnApiError: 'true' }),
  row('throwOnApiError', 'a number', { throwOnApiError: 1 }),
  row('appIdHeader', 'an unknown header', { appIdHeader: `x-${MARK}` }),
  row('appIdHeader', 'empty', { appIdHeader: '' }),
  row('dangerouslyAllowBrowser', 'a string', { dangerouslyAllowBrowser: 'yes' }),
  row('allowInsecureHttp', 'a string', { allowInsecureHttp: 'yes' }),
  ...[0, -1, 1.5, 2 ** 31, '1024'].map((value) =>
    row('maxResponseBytes', `maxResponseBytes ${JSON.stringify(value)}`, {
      maxResponseBytes: value,
    }),
  ),
]

// Reflect: deliberately ill-typed input, as a JavaScript caller or a config file can pass.
const construct = (options: unknown): unknown =>
  outcomeOf(() => void Reflect.construct(AuthenticationClient, [options]))

describe('AuthenticationClient options', () => {
  test('the minimal options { appId, appHost } construct a client (every other option is optional)', () => {
    expect(construct(BASE)).toBeUndefined()
  })

  test.for(ROWS)('$option ($label) is a ConfigError naming it, without quoting the value', (r) => {
    expectConfigErrorFor(construct(build(BASE, r)), r)
  })

  test.for([
    { label: 'undefined', value: undefined },
    { label: 'null', value: null },
    { label: 'a string', value: 'app-id' },
    { label: 'a number', value: 42 },
    { label: 'an array', value: [] },
  ])('options as $label instead of an object is a ConfigError', ({ value }) => {
    expect(construct(value)).toMatchObject({ name: 'ConfigError', option: 'options' })
  })

  test('setAccessToken refuses an empty or non-string token with a ConfigError naming accessToken', () => {
    const client = new AuthenticationClient(BASE)
    for (const token of ['', 42, null]) {
      let caught: unknown
      try {
        Reflect.apply(client.setAccessToken, client, [token])
      } catch (error) {
        caught = error
      }
      expect(caught).toMatchObject({ name: 'ConfigError', option: 'accessToken' })
    }
  })
})

describe('getWechatMpAccessTokenInfo arguments', () => {
  let calls = 0
  const client = new AuthenticationClient({
    ...BASE,
    fetch: async () => {
      calls++
      return new Response('{}')
    },
  })
  const dto = { appId: 'wx1', appSecret: 'secret' }
  const CALL_ROWS: readonly { option: string; label: string; args: readonly unknown[] }[] = [
    { option: 'dto', label: 'missing', args: [] },
    { option: 'dto', label: 'null', args: [null] },
    { option: 'dto', label: 'a string', args: ['wx1'] },
    { option: 'dto.appId', label: 'missing', args: [{ appSecret: 's' }] },
    { option: 'dto.appId', label: 'empty', args: [{ appId: '', appSecret: 's' }] },
    { option: 'dto.appId', label: 'a number', args: [{ appId: 1, appSecret: 's' }] },
    { option: 'dto.appSecret', label: 'missing', args: [{ appId: 'wx1' }] },
    { option: 'dto.appSecret', label: 'empty', args: [{ appId: 'wx1', appSecret: '' }] },
    { option: 'dto.appSecret', label: 'a number', args: [{ appId: 'wx1', appSecret: 7 }] },
    { option: 'options', label: 'a string', args: [dto, 'fast'] },
    {
      option: 'options.signal',
      label: 'not a signal',
      args: [dto, { signal: { aborted: false } }],
    },
    { option: 'options.timeout', label: 'zero', args: [dto, { timeout: 0 }] },
    { option: 'options.timeout', label: 'a string', args: [dto, { timeout: '5' }] },
    { option: 'options.throwOnApiError', label: 'a string', args: [dto, { throwOnApiError: 'y' }] },
  ]

  test.for(CALL_ROWS)(
    '$option ($label) rejects with a ConfigError naming it, before sending anything',
    async (r) => {
      const before = calls
      const sent: Promise<unknown> = Reflect.apply(client.getWechatMpAccessTokenInfo, client, [
        ...r.args,
      ])
      await expect(sent).rejects.toMatchObject({
        name: 'ConfigError',
        option: r.option,
      })
      expect(calls).toBe(before)
    },
  )
})
