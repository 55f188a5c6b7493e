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
    expectTypeOf(client.getWechatMpAccessTokenInfo)
      .parameter(1)
      .toEqualTypeOf<RequestOptions | undefined>()
    expectTypeOf(
      client.getWechatMpAccessTokenInfo,
    ).returns.resolves.toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
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
