import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { GetWechatAccessTokenDtoSchema } from './get-wechat-access-token-dto.js'
import {
  isWechatAccessTokenSuccess,
  WechatAccessTokenEnvelopeSchema,
  WechatAccessTokenFailureSchema,
} from './response-envelope.js'

describe('WechatAccessTokenEnvelopeSchema', () => {
  test('keeps a success envelope exactly as received, extra fields included', () => {
    const wire = {
      statusCode: 200,
      message: '操作成功',
      requestId: 'req-1',
      data: { accessToken: 'tok', expiresAt: '1700000000', scope: 'extra' },
      extra: true,
    }
    const parsed = v.parse(WechatAccessTokenEnvelopeSchema, wire)
    expect(parsed).toEqual(wire)
    expect(isWechatAccessTokenSuccess(parsed)).toBe(true)
  })

  test('accepts a business error with data missing or empty', () => {
    const missing = { statusCode: 400, apiCode: 2001, message: 'bad secret', requestId: 'r' }
    const empty = { ...missing, data: {} }
    expect(v.parse(WechatAccessTokenEnvelopeSchema, missing)).toEqual(missing)
    const parsed = v.parse(WechatAccessTokenEnvelopeSchema, empty)
    expect(parsed).toEqual(empty)
    expect(isWechatAccessTokenSuccess(parsed)).toBe(false)
  })

  test('rejects a success without a token', () => {
    expect(
      v.safeParse(WechatAccessTokenEnvelopeSchema, { statusCode: 200, message: 'ok', data: {} })
        .success,
    ).toBe(false)
  })

  test.each([
    ['an HTML page', '<html>502</html>'],
    ['a string statusCode', { statusCode: '200', message: 'ok', data: {} }],
    [
      'a numeric accessToken',
      { statusCode: 200, message: 'ok', data: { accessToken: 1, expiresAt: 1 } },
    ],
    ['a missing message', { statusCode: 500 }],
  ])('rejects %s', (_label, wire) => {
    expect(v.safeParse(WechatAccessTokenEnvelopeSchema, wire).success).toBe(false)
  })
})

describe('WechatAccessTokenFailureSchema', () => {
  test.each([
    [
      'a fractional statusCode',
      400.5,
      'statusCode of a business error must be an integer other than 200',
    ],
    ['statusCode 200', 200, 'statusCode of a business error must be an integer other than 200'],
    ['a string statusCode', '400', 'statusCode must be a number'],
  ])('rejects %s with a message on statusCode', (_label, statusCode, message) => {
    const result = v.safeParse(WechatAccessTokenFailureSchema, { statusCode, message: 'm' })
    expect(result.issues?.map((issue) => [v.getDotPath(issue), issue.message])).toEqual([
      ['statusCode', message],
    ])
  })
})

describe('GetWechatAccessTokenDtoSchema', () => {
  test('says which field is missing', () => {
    const result = v.safeParse(GetWechatAccessTokenDtoSchema, { appId: 'wx1', appSecret: '' })
    expect(result.success).toBe(false)
    expect(result.issues?.[0]?.message).toBe(
      'appSecret must not be empty: pass the WeChat AppSecret',
    )
  })
})
