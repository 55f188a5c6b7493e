import { isAuthingApiError, WechatAccessTokenCache } from '@authing-edge/core'
import { API_CODES } from '@authing-edge/emulator'
import { equal, ok, rejects } from '../assert.ts'
import type { ConformanceCase, SuiteContext } from '../case.ts'
import { DEMO_DTO, emulatorCase, emulatorClient, INFO } from '../fixtures.ts'

/** Concurrent callers per burst: enough to overlap, few enough for a page or an isolate. */
const CALLERS = 50

/** Holds every upstream answer back, so the concurrent calls provably overlap. */
const slowUpstream = (ctx: SuiteContext) =>
  ctx.emulator.addFaults({ fault: { kind: 'latency', ms: 100 } })

function demoCache(
  ctx: SuiteContext,
  appSecret: string = DEMO_DTO.appSecret,
): WechatAccessTokenCache {
  return new WechatAccessTokenCache({
    client: emulatorClient(ctx),
    appId: DEMO_DTO.appId,
    appSecret,
  })
}

async function burst(cache: WechatAccessTokenCache): Promise<Set<string>> {
  const tokens = await Promise.all(Array.from({ length: CALLERS }, () => cache.get()))
  return new Set(tokens.map((token) => token.accessToken))
}

/** The token cache: single-flight, compare-and-invalidate, negative caching. */
export const cacheCases: readonly ConformanceCase[] = [
  emulatorCase(
    `${CALLERS} concurrent cold get() calls make exactly one upstream request`,
    async (ctx) => {
      await slowUpstream(ctx)
      const seen = await burst(demoCache(ctx))
      equal((await ctx.emulator.counts())[INFO], 1, 'upstream requests')
      equal(seen.size, 1, 'distinct tokens handed out')
      const [issued] = await ctx.emulator.tokens()
      ok(issued !== undefined && seen.has(issued.accessToken), 'the token the emulator issued')
    },
  ),

  emulatorCase(
    'invalidate(token) makes the next concurrent get() calls fetch once',
    async (ctx) => {
      const cache = demoCache(ctx)
      const first = await cache.get()
      // WeChat rejected the token: the server drops it too, and the cache is told.
      await ctx.emulator.invalidateTokens(DEMO_DTO.appId)
      equal(await cache.invalidate(first.accessToken), true, 'invalidate() of the held token')
      await slowUpstream(ctx)
      const seen = await burst(cache)
      equal((await ctx.emulator.counts())[INFO], 2, 'upstream requests: the first and one refetch')
      equal(seen.size, 1, 'distinct tokens after the refetch')
      ok(!seen.has(first.accessToken), 'the invalidated token is not served again')
      equal(
        await cache.invalidate(first.accessToken),
        false,
        'a late invalidate() of the old token',
      )
    },
  ),

  emulatorCase(
    'a bad secret rejects get() with AuthingApiError and is not retried at once',
    async (ctx) => {
      const cache = demoCache(ctx, 'conformance-wrong-wechat-secret-9e2d41')
      const first = await rejects(cache.get(), isAuthingApiError, 'AuthingApiError')
      equal(first.apiCode, API_CODES.wechatInvalidAppSecret, 'error.apiCode')
      await rejects(
        cache.get(),
        isAuthingApiError,
        'AuthingApiError again, from the negative cache',
      )
      equal((await ctx.emulator.counts())[INFO], 1, 'upstream requests')
    },
  ),
]
