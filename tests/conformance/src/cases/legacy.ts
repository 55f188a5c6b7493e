import type { LogFields, Logger } from '@authing-edge/core'
import { AuthenticationClient, isWechatAccessTokenSuccess } from '@authing-edge/legacy'
import { equal, ok, show } from '../assert.ts'
import type { ConformanceCase, SuiteContext } from '../case.ts'
import { DEMO_DTO, emulatorCase, emulatorClientOptions, INFO } from '../fixtures.ts'

const DEPRECATED = 'get-wechat-access-token'

/** A logger that keeps what is warned. */
function recordingLogger(): Logger & { readonly warnings: string[] } {
  const warnings: string[] = []
  return {
    warnings,
    warn(message: string, _fields?: LogFields) {
      warnings.push(message)
    },
  }
}

function legacyClient(ctx: SuiteContext, logger: Logger, silence = false): AuthenticationClient {
  return new AuthenticationClient({
    ...emulatorClientOptions(ctx),
    logger,
    silenceDeprecationWarnings: silence,
  })
}

/**
 * The deprecated method. The warning is once per process (per page, per isolate), so the first
 * case must be the first deprecated call the suite makes.
 */
export const legacyCases: readonly ConformanceCase[] = [
  emulatorCase(
    'getWechatMpAccessToken calls the -info endpoint and warns once per process',
    async (ctx) => {
      const quiet = recordingLogger()
      const silenced = await legacyClient(ctx, quiet, true).getWechatMpAccessToken(DEMO_DTO)
      ok(
        isWechatAccessTokenSuccess(silenced),
        `a success from a silenced client, got ${show(silenced)}`,
      )
      equal(quiet.warnings.length, 0, 'warnings from a silenced client')

      const logger = recordingLogger()
      const first = legacyClient(ctx, logger)
      const second = legacyClient(ctx, logger)
      for (const client of [first, first, second]) {
        const resp = await client.getWechatMpAccessToken(DEMO_DTO)
        ok(isWechatAccessTokenSuccess(resp), `a success, got ${show(resp)}`)
      }
      equal(logger.warnings.length, 1, 'warnings across three calls on two clients')
      ok(
        logger.warnings[0]?.includes('getWechatMpAccessTokenInfo'),
        'the warning names the replacement',
      )
      const counts = await ctx.emulator.counts()
      equal(counts[INFO], 4, 'requests to the -info endpoint')
      equal(counts[DEPRECATED], 0, 'requests to the deprecated endpoint')
    },
  ),

  emulatorCase('on a 404 it falls back to the deprecated endpoint and stays there', async (ctx) => {
    await ctx.emulator.addFaults({
      endpoint: INFO,
      fault: { kind: 'http-error', status: 404, body: 'json' },
    })
    const client = legacyClient(ctx, recordingLogger(), true)
    for (let call = 0; call < 2; call++) {
      const resp = await client.getWechatMpAccessToken(DEMO_DTO)
      ok(
        isWechatAccessTokenSuccess(resp),
        `a success from the deprecated endpoint, got ${show(resp)}`,
      )
    }
    const counts = await ctx.emulator.counts()
    equal(counts[INFO], 1, 'requests to the -info endpoint (the 404)')
    equal(counts[DEPRECATED], 2, 'requests to the deprecated endpoint')
  }),
]
