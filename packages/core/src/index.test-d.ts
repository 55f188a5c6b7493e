import { describe, expectTypeOf, test } from 'vitest'
import {
  AuthenticationClient,
  type AuthenticationClientOptions,
  type GetWechatAccessTokenDto,
  type GetWechatAccessTokenInfoRespDto,
  type HttpError,
  isAuthingApiError,
  isWechatAccessTokenSuccess,
  type Logger,
  normalizeAppHost,
  normalizeExpiresAt,
  type RequestOptions,
  type ResponseValidationError,
  type RetryOptions,
  type ThrowOnApiErrorOptions,
  type WechatAccessTokenSuccess,
} from './index.js'
import { postWechatAccessToken } from './internal.js'

describe('AuthenticationClient', () => {
  test('needs appId and appHost, everything else is optional', () => {
    expectTypeOf(AuthenticationClient).toBeConstructibleWith({ appId: 'a', appHost: 'h' })
    // @ts-expect-error: appHost is required
    new AuthenticationClient({ appId: 'a' })
    // @ts-expect-error: appId is required
    new AuthenticationClient({ appHost: 'h' })
    expectTypeOf<AuthenticationClientOptions['retry']>().toEqualTypeOf<
      RetryOptions | number | undefined
    >()
    expectTypeOf<AuthenticationClientOptions['appIdHeader']>().toEqualTypeOf<
      'x-authing-app-id' | 'x-genauth-app-id' | undefined
    >()
  })

  test('exposes appId, appHost and logger read-only, and no secret', () => {
    const client = new AuthenticationClient({ appId: 'a', appHost: 'h' })
    expectTypeOf(client.appId).toEqualTypeOf<string>()
    expectTypeOf(client.appHost).toEqualTypeOf<string>()
    expectTypeOf(client.logger).toEqualTypeOf<Logger | undefined>()
    // @ts-expect-error: appHost is readonly
    client.appHost = 'x'
    // @ts-expect-error: the access token is write-only
    client.accessToken
    expectTypeOf(client.setAccessToken).parameter(0).toEqualTypeOf<string | undefined>()
  })

  test('getWechatMpAccessTokenInfo takes the dto and per-call options and resolves to the envelope', () => {
    const client = new AuthenticationClient({ appId: 'a', appHost: 'h' })
    expectTypeOf(client.getWechatMpAccessTokenInfo)
      .parameter(0)
      .toEqualTypeOf<GetWechatAccessTokenDto>()
    // Two overloads: the second, general one takes any RequestOptions.
    expectTypeOf(client.getWechatMpAccessTokenInfo)
      .parameter(1)
      .toEqualTypeOf<ThrowOnApiErrorOptions | RequestOptions | undefined>()
    expectTypeOf<ThrowOnApiErrorOptions>().toExtend<RequestOptions>()
    expectTypeOf<ThrowOnApiErrorOptions['throwOnApiError']>().toEqualTypeOf<true>()
    expectTypeOf<RequestOptions>().toEqualTypeOf<{
      signal?: AbortSignal | undefined
      timeout?: number | undefined
      throwOnApiError?: boolean | undefined
    }>()
  })

  test('the resolved envelope narrows to a token on success', async () => {
    const client = new AuthenticationClient({ appId: 'a', appHost: 'h' })
    const resp = await client.getWechatMpAccessTokenInfo({ appId: 'wx', appSecret: 's' })
    expectTypeOf(resp.statusCode).toEqualTypeOf<number>()
    if (isWechatAccessTokenSuccess(resp)) {
      expectTypeOf(resp.data.accessToken).toEqualTypeOf<string>()
      expectTypeOf(resp.data.expiresAt).toEqualTypeOf<string | number>()
    }
  })
})

describe('throwOnApiError: true for a call', () => {
  const client = new AuthenticationClient({ appId: 'a', appHost: 'h' })
  const dto = { appId: 'wx', appSecret: 's' }

  test('resolves to the success envelope, data typed', async () => {
    const resp = await client.getWechatMpAccessTokenInfo(dto, { throwOnApiError: true })
    expectTypeOf(resp).toEqualTypeOf<WechatAccessTokenSuccess>()
    expectTypeOf(resp.data.accessToken).toEqualTypeOf<string>()
    const withSignal = client.getWechatMpAccessTokenInfo(dto, {
      throwOnApiError: true,
      signal: AbortSignal.timeout(1000),
      timeout: 500,
    })
    expectTypeOf(withSignal).resolves.toEqualTypeOf<WechatAccessTokenSuccess>()
  })

  test('anything that may be false keeps the whole envelope', () => {
    const maybe: boolean = Math.random() > 0.5
    const options: RequestOptions = { throwOnApiError: true }
    // One assertion per call: an array of them would widen each to a common type.
    expectTypeOf(
      client.getWechatMpAccessTokenInfo(dto),
    ).resolves.toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
    expectTypeOf(
      client.getWechatMpAccessTokenInfo(dto, { throwOnApiError: false }),
    ).resolves.toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
    expectTypeOf(
      client.getWechatMpAccessTokenInfo(dto, { throwOnApiError: maybe }),
    ).resolves.toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
    expectTypeOf(
      client.getWechatMpAccessTokenInfo(dto, options),
    ).resolves.toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
  })
})

describe('helpers and errors', () => {
  test('normalizeAppHost and normalizeExpiresAt have narrow signatures', () => {
    expectTypeOf(normalizeAppHost).toEqualTypeOf<(host: string) => string>()
    expectTypeOf(normalizeExpiresAt).toEqualTypeOf<(value: unknown) => number>()
  })

  test('error guards narrow to the typed fields', () => {
    const error: unknown = undefined
    if (isAuthingApiError(error)) {
      expectTypeOf(error.apiCode).toEqualTypeOf<number | undefined>()
      expectTypeOf(error.httpStatus).toEqualTypeOf<number>()
    }
    expectTypeOf<HttpError['status']>().toEqualTypeOf<number>()
    expectTypeOf<HttpError['bodyExcerpt']>().toEqualTypeOf<string>()
    expectTypeOf<ResponseValidationError['issues']>().toEqualTypeOf<
      readonly { readonly path: string; readonly message: string }[]
    >()
  })

  test('the internal entry sends to either WeChat path only', () => {
    expectTypeOf(postWechatAccessToken)
      .parameter(1)
      .toEqualTypeOf<'/api/v3/get-wechat-access-token-info' | '/api/v3/get-wechat-access-token'>()
    expectTypeOf(
      postWechatAccessToken,
    ).returns.resolves.toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
  })
})
