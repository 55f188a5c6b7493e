import { isWechatAccessTokenSuccess, normalizeExpiresAt } from '@authing-edge/core'
import { DEMO_APP } from '@authing-edge/emulator'
import { equal, ok, show } from '../assert.ts'
import type { ConformanceCase } from '../case.ts'
import { DEMO_DTO, emulatorCase, emulatorClient, INFO } from '../fixtures.ts'

/** A user access token the emulator is told to accept. */
const USER_TOKEN = 'conformance-user-access-token-3c7a90'

/** A successful call, and what reaches the wire. */
export const clientCallCases: readonly ConformanceCase[] = [
  emulatorCase('getWechatMpAccessTokenInfo resolves the token the emulator issued', async (ctx) => {
    const clock = await ctx.emulator.clock({ frozen: true })
    const resp = await emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO)
    ok(isWechatAccessTokenSuccess(resp), `a success envelope, got ${show(resp)}`)
    const [issued] = await ctx.emulator.tokens()
    ok(issued !== undefined, 'the emulator to hold the token it issued')
    equal(resp.data.accessToken, issued.accessToken, 'accessToken')
    // 7200 s lifetime on the emulator's frozen clock; sent as a string of seconds by default.
    equal(
      normalizeExpiresAt(resp.data.expiresAt),
      (clock.nowSeconds + 7200) * 1000,
      'expiresAt (ms)',
    )
  }),

  emulatorCase('the request carries the app id header, the JSON body and no query', async (ctx) => {
    await emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO)
    const requests = await ctx.emulator.requests(INFO)
    equal(requests.length, 1, 'requests received')
    const [request] = requests
    ok(request !== undefined, 'a recorded request')
    equal(request.method, 'POST', 'method')
    equal(request.path, '/api/v3/get-wechat-access-token-info', 'path (no query string)')
    equal(request.appId, DEMO_APP.appId, 'x-authing-app-id')
    equal(request.headers['content-type']?.split(';')[0], 'application/json', 'content-type')
    equal(request.authorization, 'none', 'authorization without an access token')
    const body = request.body
    ok(typeof body === 'object' && body !== null, `a JSON body, got ${show(body)}`)
    equal(Reflect.get(body, 'appId'), DEMO_DTO.appId, 'body.appId')
    equal(request.outcome.result, 'success', 'the emulator accepted the credentials')
  }),

  emulatorCase('setAccessToken sends the user token raw in authorization', async (ctx) => {
    await ctx.emulator.updateSettings({ requireUserToken: true, userTokens: [USER_TOKEN] })
    const client = emulatorClient(ctx)
    const refused = await client.getWechatMpAccessTokenInfo(DEMO_DTO)
    ok(!isWechatAccessTokenSuccess(refused), 'a business error without the user token')
    client.setAccessToken(USER_TOKEN)
    const resp = await client.getWechatMpAccessTokenInfo(DEMO_DTO)
    ok(isWechatAccessTokenSuccess(resp), `a success with the user token, got ${show(resp)}`)
    const schemes = (await ctx.emulator.requests(INFO)).map((request) => request.authorization)
    equal(schemes.join(','), 'none,raw', 'authorization schemes sent')
  }),
]
