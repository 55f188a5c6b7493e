import { AuthenticationClient, isAuthingError } from '@authing-edge/core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FAULT_CASES } from '../fault-matrix/cases/index.ts'
import { type MatrixEnvironment, startMatrixEnvironment } from '../fault-matrix/environment.ts'
import { runCase } from '../fault-matrix/run-case.ts'
import { CLIENT_SECRETS, errorSurfaces, findLeaks, SECRETS } from '../support/secrets.ts'
import { capturingLogger } from './capture.ts'
import { HOSTILE_SCENARIOS } from './hostile-responses.ts'

const DTO = { appId: 'wx0123456789abcdef', appSecret: SECRETS.wechatAppSecret }

/** Error classes the suite has seen; the last test checks that every one was covered. */
const seen = new Set<string>()

/** The body, then each secret it carried as sent, JSON-escaped and URI-encoded. */
function echoOf(body: string, authorization: string): string {
  const parsed: unknown = JSON.parse(body)
  const appSecret =
    typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'appSecret') : ''
  const forms = [String(appSecret), authorization].flatMap((secret) => [
    secret,
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
  ])
  return [body, ...forms].join(' | ')
}

async function callHostile(scenario: (typeof HOSTILE_SCENARIOS)[number]) {
  const logger = capturingLogger()
  const client = new AuthenticationClient({
    appId: 'authing-app',
    appHost: 'https://hostile.example',
    accessToken: SECRETS.userAccessToken,
    appSecret: SECRETS.authingAppSecret,
    timeout: 200,
    retry: { limit: 1, backoffLimit: 1, maxRetryAfter: 1 },
    maxResponseBytes: 64 * 1024,
    throwOnApiError: true,
    logger,
    fetch: async (request) => {
      const body = await request.text()
      const authorization = request.headers.get('authorization') ?? ''
      return scenario.respond({
        body,
        authorization,
        echo: echoOf(body, authorization),
        signal: request.signal,
      })
    },
  })
  let error: unknown
  try {
    await client.getWechatMpAccessTokenInfo(DTO)
  } catch (caught) {
    error = caught
  }
  return { error, logger }
}

describe('no secret leaves the client through an error or a log line', () => {
  test.for(HOSTILE_SCENARIOS)(
    '$name: a typed $error, with nothing secret in it',
    async (scenario) => {
      const { error, logger } = await callHostile(scenario)
      expect(isAuthingError(error)).toBe(true)
      expect(error).toMatchObject({ name: scenario.error })
      seen.add(scenario.error)
      const surfaces = { ...errorSurfaces(error, 'error'), logs: logger.lines.join('\n') }
      expect(findLeaks(surfaces, CLIENT_SECRETS)).toEqual([])
    },
  )

  describe('every fault of the matrix, against the emulator holding these secrets', () => {
    let env: MatrixEnvironment
    beforeAll(async () => {
      env = await startMatrixEnvironment({
        authingAppId: 'authing-app',
        wechatAppId: DTO.appId,
        wechatAppSecret: SECRETS.wechatAppSecret,
        userAccessToken: SECRETS.userAccessToken,
      })
    })
    afterAll(async () => {
      await env.close()
    })

    test.for(FAULT_CASES)('$fault: no secret in the outcome or the logs', async (faultCase) => {
      const logger = capturingLogger()
      const run = await runCase(faultCase, env, {
        logger,
        authingAppSecret: SECRETS.authingAppSecret,
      })
      // The emulator only answers a client that sent both secrets right; an error here would
      // mean the suite tested nothing.
      expect(run.observation.outcome).toBe(faultCase.expected.outcome)
      if (run.observation.outcome === 'error') seen.add(run.observation.errorName ?? '?')
      const surfaces = { ...errorSurfaces(run.error, 'error'), logs: logger.lines.join('\n') }
      expect(findLeaks(surfaces, CLIENT_SECRETS)).toEqual([])
    })
  })

  describe('configuration errors', () => {
    const secret = SECRETS.wechatAppSecret
    const attempts: readonly { label: string; options: Record<string, unknown> }[] = [
      {
        label: 'credentials in appHost',
        options: { appHost: `https://u:${encodeURIComponent(secret)}@example.authing.cn` },
      },
      {
        label: 'a query string in appHost',
        options: { appHost: `https://example.authing.cn/?s=${encodeURIComponent(secret)}` },
      },
      { label: 'an unparsable appHost', options: { appHost: `https://[${secret}]` } },
      {
        label: 'a header value with a line break',
        options: { headers: { 'x-k': `a\r\n${secret}` } },
      },
      { label: 'a secret as the timeout', options: { timeout: secret } },
      { label: 'a secret as the retry limit', options: { retry: { limit: secret } } },
      { label: 'a secret as appIdHeader', options: { appIdHeader: secret } },
      { label: 'an object as appSecret', options: { appSecret: { secret } } },
    ]
    test.for(attempts)('$label: the ConfigError does not quote it', ({ options }) => {
      let error: unknown
      try {
        Reflect.construct(AuthenticationClient, [
          { appId: 'a', appHost: 'https://example.authing.cn', ...options },
        ])
      } catch (caught) {
        error = caught
      }
      expect(error).toMatchObject({ name: 'ConfigError' })
      seen.add('ConfigError')
      expect(findLeaks(errorSurfaces(error, 'error'), CLIENT_SECRETS)).toEqual([])
    })

    test('a user token that cannot be a header value fails typed, without quoting it', async () => {
      const client = new AuthenticationClient({
        appId: 'a',
        appHost: 'https://example.authing.cn',
        accessToken: `${SECRETS.userAccessToken}\n`,
        retry: 0,
        fetch: async () => new Response('{}'),
      })
      let error: unknown
      try {
        await client.getWechatMpAccessTokenInfo(DTO)
      } catch (caught) {
        error = caught
      }
      expect(isAuthingError(error)).toBe(true)
      expect(findLeaks(errorSurfaces(error, 'error'), CLIENT_SECRETS)).toEqual([])
    })
  })

  test('the suite drove every error class the client can raise', () => {
    expect([...seen].sort()).toEqual([
      'AuthingApiError',
      'ConfigError',
      'HttpError',
      'NetworkError',
      'ResponseValidationError',
      'TimeoutError',
    ])
  })
})
