import {
  AuthingError,
  HttpError,
  isAuthingApiError,
  isAuthingError,
  isConfigError,
  isHttpError,
  isNetworkError,
  isResponseValidationError,
  isWechatAccessTokenSuccess,
} from '@authing-edge/core'
import { API_CODES } from '@authing-edge/emulator'
import { equal, ok, rejects, show, throws } from '../assert.ts'
import type { ConformanceCase } from '../case.ts'
import { DEMO_DTO, emulatorCase, emulatorClient, INFO } from '../fixtures.ts'
import { assertNoSecrets } from '../leak-scan.ts'

/** A secret the emulator does not know: it must come back as a business error, never echoed. */
const WRONG_SECRET = 'conformance-wrong-wechat-secret-5b1f0c'

/** Each error class, from real emulator behaviour over loopback. */
export const errorCases: readonly ConformanceCase[] = [
  emulatorCase(
    'a business error resolves by default and throws AuthingApiError on request',
    async (ctx) => {
      const client = emulatorClient(ctx)
      const dto = { appId: DEMO_DTO.appId, appSecret: WRONG_SECRET }
      const resp = await client.getWechatMpAccessTokenInfo(dto)
      ok(!isWechatAccessTokenSuccess(resp), `a business-error envelope, got ${show(resp)}`)
      equal(resp.apiCode, API_CODES.wechatInvalidAppSecret, 'apiCode of the returned envelope')
      const error = await rejects(
        client.getWechatMpAccessTokenInfo(dto, { throwOnApiError: true }),
        isAuthingApiError,
        'AuthingApiError',
      )
      equal(error.apiCode, API_CODES.wechatInvalidAppSecret, 'error.apiCode')
      equal(error.httpStatus, 200, 'error.httpStatus')
      const recorded = (await ctx.emulator.requests(INFO)).at(-1)
      equal(error.requestId, recorded?.requestId, 'error.requestId (as the emulator assigned it)')
      ok(
        error instanceof AuthingError && isAuthingError(error),
        'an AuthingError by class and guard',
      )
      assertNoSecrets(error, [WRONG_SECRET])
    },
  ),

  emulatorCase('an HTTP 500 HTML page rejects with HttpError', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'http-error', status: 500, body: 'html' } })
    const error = await rejects(
      emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO),
      isHttpError,
      'HttpError',
    )
    equal(error.status, 500, 'error.status')
    ok(error instanceof HttpError, 'an instance of the exported HttpError class')
    assertNoSecrets(error, [DEMO_DTO.appSecret])
  }),

  emulatorCase('a malformed JSON body rejects with ResponseValidationError', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'malformed-json' } })
    const error = await rejects(
      emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO),
      isResponseValidationError,
      'ResponseValidationError',
    )
    ok(error.issues.length > 0, 'at least one validation issue')
  }),

  emulatorCase('a field of the wrong type rejects with ResponseValidationError', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'wrong-types', field: 'accessToken' } })
    const error = await rejects(
      emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO),
      isResponseValidationError,
      'ResponseValidationError',
    )
    ok(
      error.issues.some((issue) => issue.path.includes('accessToken')),
      `an issue at data.accessToken, got ${show(error.issues)}`,
    )
  }),

  emulatorCase('a reset connection rejects with NetworkError', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'reset' } })
    await rejects(
      emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO),
      isNetworkError,
      'NetworkError',
    )
  }),

  emulatorCase('HTTP 429 after the last retry rejects with AuthingApiError', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'rate-limit', retryAfter: 0 } })
    const error = await rejects(
      emulatorClient(ctx, { retry: 1 }).getWechatMpAccessTokenInfo(DEMO_DTO),
      isAuthingApiError,
      'AuthingApiError',
    )
    equal(error.httpStatus, 429, 'error.httpStatus')
    equal(error.statusCode, 429, 'error.statusCode')
    equal((await ctx.emulator.counts())[INFO], 2, 'requests: the first attempt and one retry')
  }),

  emulatorCase('a 503 is retried and the retry succeeds', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'http-error', status: 503 }, times: 1 })
    const resp = await emulatorClient(ctx, { retry: 1 }).getWechatMpAccessTokenInfo(DEMO_DTO)
    ok(isWechatAccessTokenSuccess(resp), `a success after the retry, got ${show(resp)}`)
    equal((await ctx.emulator.counts())[INFO], 2, 'requests: the failed one and the retry')
  }),

  emulatorCase('a redirect is not followed and rejects with HttpError', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'redirect', status: 302 } })
    const error = await rejects(
      emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO),
      isHttpError,
      'HttpError',
    )
    // Browsers hide a manual redirect behind an opaque response with status 0.
    const wanted = ctx.runtime.browser ? 0 : 302
    equal(error.status, wanted, 'error.status')
    equal((await ctx.emulator.counts())[INFO], 1, 'requests: the redirect was not followed')
  }),

  emulatorCase('invalid options and dtos throw ConfigError before any request', async (ctx) => {
    const badHost = throws(() => emulatorClient(ctx, { appHost: '' }), isConfigError, 'ConfigError')
    equal(badHost.option, 'appHost', 'ConfigError.option for an empty appHost')
    const client = emulatorClient(ctx)
    const badDto = await rejects(
      client.getWechatMpAccessTokenInfo({ appId: DEMO_DTO.appId, appSecret: '' }),
      isConfigError,
      'ConfigError',
    )
    equal(badDto.option, 'dto.appSecret', 'ConfigError.option for an empty appSecret')
    equal((await ctx.emulator.counts())[INFO], 0, 'requests sent')
  }),
]
