import { expectTypeOf, test } from 'vitest'
import {
  type GetWechatAccessTokenDataDto,
  type GetWechatAccessTokenDto,
  type GetWechatAccessTokenInfoRespDto,
  type GetWechatAccessTokenRespDto,
  isWechatAccessTokenSuccess,
} from './index.js'

test('the request DTO has the two WeChat credentials', () => {
  expectTypeOf<GetWechatAccessTokenDto>().toEqualTypeOf<{ appId: string; appSecret: string }>()
})

test('expiresAt is a number or a string as received', () => {
  expectTypeOf<GetWechatAccessTokenDataDto['expiresAt']>().toEqualTypeOf<number | string>()
  expectTypeOf<GetWechatAccessTokenDataDto['accessToken']>().toEqualTypeOf<string>()
})

test('both responses share one shape and narrow to data on success', () => {
  expectTypeOf<GetWechatAccessTokenRespDto>().toEqualTypeOf<GetWechatAccessTokenInfoRespDto>()
  const resp = {} as GetWechatAccessTokenInfoRespDto
  if (isWechatAccessTokenSuccess(resp)) {
    expectTypeOf(resp.data).toExtend<GetWechatAccessTokenDataDto>()
    expectTypeOf(resp.statusCode).toEqualTypeOf<200>()
  }
})
