import { WechatAccessTokenFailureSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { DEMO_BODY, type TokenRequestInit, tokenRequest } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'
import { DEMO_APP, DEMO_USER_ACCESS_TOKEN } from '../demo-app.js'
import { API_CODES } from './api-codes.js'

const SECRET = DEMO_APP.wechatAppSecret

const cases: [string, TokenRequestInit, number, number, RegExp][] = [
  [
    'a missing app-id header',
    { appIdHeader: null },
    400,
    API_CODES.missingAppId,
    /x-authing-app-id/,
  ],
  [
    'an unknown Authing app',
    { appIdHeader: 'nope' },
    400,
    API_CODES.appNotFound,
    /Application not found/,
  ],
  [
    'malformed JSON',
    { rawBody: `{"appId":"wx","appSecret":"${SECRET}"` },
    400,
    1400,
    /not valid JSON/,
  ],
  ['a missing appId', { body: { appSecret: SECRET } }, 400, 1400, /^appId is required$/],
  [
    'an empty appSecret',
    { body: { appId: DEMO_APP.wechatAppId, appSecret: '' } },
    400,
    1400,
    /appSecret must not be empty/,
  ],
  [
    'a numeric appId',
    { body: { appId: 42, appSecret: SECRET } },
    400,
    1400,
    /^appId must be a string$/,
  ],
  ['a body that is not an object', { body: [DEMO_BODY] }, 400, 1400, /must be a JSON object/],
  ['a body sent as text/plain', { contentType: 'text/plain' }, 400, 1400, /the body was ignored/],
  [
    'an unknown WeChat appId',
    { body: { appId: 'wxUnknown', appSecret: SECRET } },
    400,
    40013,
    /invalid appid/,
  ],
  [
    'a wrong appSecret',
    { body: { appId: DEMO_APP.wechatAppId, appSecret: 'wrong-secret' } },
    400,
    40125,
    /invalid appsecret/,
  ],
]

describe('the endpoints answer business errors like upstream', () => {
  test.each(cases)(
    '%s gets HTTP 200 with statusCode, apiCode, message and requestId',
    async (_label, init, statusCode, apiCode, message) => {
      const emulator = createEmulator()
      for (const endpoint of ['get-wechat-access-token-info', 'get-wechat-access-token'] as const) {
        const response = await emulator(tokenRequest({ ...init, endpoint }))
        expect(response.status).toBe(200)
        const text = await response.text()
        expect(text).not.toContain(SECRET)
        expect(text).not.toContain('wrong-secret')
        const body = v.parse(WechatAccessTokenFailureSchema, JSON.parse(text))
        expect(body).toEqual({
          statusCode,
          apiCode,
          message: expect.stringMatching(message),
          requestId: expect.stringMatching(
            /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
          ),
        })
      }
    },
  )

  test('every request gets a unique requestId', async () => {
    const emulator = createEmulator()
    const ids = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const body = v.parse(
        WechatAccessTokenFailureSchema,
        await (await emulator(tokenRequest({ appIdHeader: null }))).json(),
      )
      if (body.requestId) ids.add(body.requestId)
    }
    emulator.reset()
    const afterReset = v.parse(
      WechatAccessTokenFailureSchema,
      await (await emulator(tokenRequest({ appIdHeader: null }))).json(),
    )
    expect(ids.size).toBe(200)
    expect(ids.has(afterReset.requestId ?? '')).toBe(false)
  })
})

describe('user-token mode', () => {
  const emulator = () => createEmulator({ requireUserToken: true })

  test('accepts the token raw, as the official Node SDK sends it', async () => {
    const response = await emulator()(tokenRequest({ authorization: DEMO_USER_ACCESS_TOKEN }))
    expect(await response.json()).toMatchObject({ statusCode: 200 })
  })

  test('accepts the token with a Bearer prefix, as other SDKs send it', async () => {
    const response = await emulator()(
      tokenRequest({ authorization: `bearer ${DEMO_USER_ACCESS_TOKEN}` }),
    )
    expect(await response.json()).toMatchObject({ statusCode: 200 })
  })

  test('answers 401 / apiCode 2020 without a token', async () => {
    const response = await emulator()(tokenRequest())
    expect(await response.json()).toMatchObject({
      statusCode: 401,
      apiCode: 2020,
      message: expect.stringMatching(/authorization header/),
    })
  })

  test('answers 401 / apiCode 2020 for an unknown token without quoting it', async () => {
    const response = await emulator()(tokenRequest({ authorization: 'Bearer stolen-token' }))
    const text = await response.text()
    expect(JSON.parse(text)).toMatchObject({ statusCode: 401, apiCode: 2020 })
    expect(text).not.toContain('stolen-token')
  })

  test('checks the app-id header before the user token', async () => {
    const response = await emulator()(tokenRequest({ appIdHeader: null }))
    expect(await response.json()).toMatchObject({ apiCode: API_CODES.missingAppId })
  })

  test('accepts configured tokens and can be switched at run time', async () => {
    const custom = createEmulator({ userTokens: ['user-1'] })
    expect(await (await custom(tokenRequest())).json()).toMatchObject({ statusCode: 200 })
    custom.updateSettings({ requireUserToken: true })
    expect(await (await custom(tokenRequest())).json()).toMatchObject({ statusCode: 401 })
    const ok = await custom(tokenRequest({ authorization: 'user-1' }))
    expect(await ok.json()).toMatchObject({ statusCode: 200 })
    const demo = await custom(tokenRequest({ authorization: DEMO_USER_ACCESS_TOKEN }))
    expect(await demo.json()).toMatchObject({ statusCode: 401 })
  })
})
