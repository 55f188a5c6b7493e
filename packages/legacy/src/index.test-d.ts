import {
  AuthenticationClient as CoreAuthenticationClient,
  type AuthenticationClientOptions as CoreAuthenticationClientOptions,
} from '@authing-edge/core'
import { describe, expectTypeOf, test } from 'vitest'
import {
  AuthenticationClient,
  type AuthenticationClientOptions,
  type GetWechatAccessTokenDto,
  type GetWechatAccessTokenInfoRespDto,
  type GetWechatAccessTokenRespDto,
  getWechatMpAccessToken,
  isAuthingApiError,
  isHttpError,
  isWechatAccessTokenSuccess,
  type RequestOptions,
  silenceDeprecationWarnings,
} from './index.js'

const client = new AuthenticationClient({ appId: 'a', appHost: 'h' })

describe('AuthenticationClient', () => {
  test('takes every core option plus silenceDeprecationWarnings', () => {
    expectTypeOf<AuthenticationClientOptions>().toExtend<CoreAuthenticationClientOptions>()
    expectTypeOf<AuthenticationClientOptions['silenceDeprecationWarnings']>().toEqualTypeOf<
      boolean | undefined
    >()
    expectTypeOf(AuthenticationClient).toBeConstructibleWith({
      appId: 'a',
      appHost: 'h',
      silenceDeprecationWarnings: true,
    })
    // @ts-expect-error: appHost is required, as in core
    new AuthenticationClient({ appId: 'a' })
  })

  test('is usable wherever a core client is expected', () => {
    expectTypeOf(client).toExtend<CoreAuthenticationClient>()
    expectTypeOf(client.getWechatMpAccessTokenInfo).toEqualTypeOf<
      CoreAuthenticationClient['getWechatMpAccessTokenInfo']
    >()
  })

  test('getWechatMpAccessToken has the official signature and resolves to GetWechatAccessTokenRespDto', () => {
    const method = client.getWechatMpAccessToken
    expectTypeOf(method).parameter(0).toEqualTypeOf<GetWechatAccessTokenDto>()
    expectTypeOf(method).parameter(1).toEqualTypeOf<RequestOptions | undefined>()
    expectTypeOf<Parameters<typeof method>['length']>().toEqualTypeOf<1 | 2>()
    expectTypeOf(
      client.getWechatMpAccessToken,
    ).returns.resolves.toEqualTypeOf<GetWechatAccessTokenRespDto>()
    // The two response DTOs are the same shape, so swapping the method keeps the types.
    expectTypeOf<GetWechatAccessTokenRespDto>().toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
    // @ts-expect-error: appSecret is required
    client.getWechatMpAccessToken({ appId: 'wx' })
  })
})

describe('getWechatMpAccessToken (standalone)', () => {
  test('takes any core client, the dto and optional per-call options', () => {
    expectTypeOf(getWechatMpAccessToken).parameter(0).toEqualTypeOf<CoreAuthenticationClient>()
    expectTypeOf(getWechatMpAccessToken).parameter(1).toEqualTypeOf<GetWechatAccessTokenDto>()
    expectTypeOf(getWechatMpAccessToken).parameter(2).toEqualTypeOf<RequestOptions | undefined>()
    expectTypeOf<Parameters<typeof getWechatMpAccessToken>['length']>().toEqualTypeOf<2 | 3>()
    expectTypeOf(getWechatMpAccessToken).toBeCallableWith(
      new CoreAuthenticationClient({ appId: 'a', appHost: 'h' }),
      { appId: 'wx', appSecret: 's' },
    )
    expectTypeOf(getWechatMpAccessToken).toBeCallableWith(
      client,
      { appId: 'wx', appSecret: 's' },
      {
        throwOnApiError: true,
      },
    )
    expectTypeOf(
      getWechatMpAccessToken,
    ).returns.resolves.toEqualTypeOf<GetWechatAccessTokenRespDto>()
  })
})

describe('what a migration needs from one import', () => {
  test('silenceDeprecationWarnings takes nothing and returns nothing', () => {
    expectTypeOf(silenceDeprecationWarnings).toEqualTypeOf<() => void>()
  })

  test('the envelope narrows with isWechatAccessTokenSuccess and errors with the guards', () => {
    const narrow = (resp: GetWechatAccessTokenRespDto, error: unknown): void => {
      if (isWechatAccessTokenSuccess(resp)) {
        expectTypeOf(resp.data.accessToken).toEqualTypeOf<string>()
      }
      if (isHttpError(error)) expectTypeOf(error.status).toEqualTypeOf<number>()
      if (isAuthingApiError(error)) {
        expectTypeOf(error.apiCode).toEqualTypeOf<number | undefined>()
      }
    }
    expectTypeOf(narrow).toBeFunction()
  })
})
