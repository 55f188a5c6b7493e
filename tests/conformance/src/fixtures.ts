// Shared helpers of the cases: the demo credentials, a client aimed at the emulator, a case that
// starts from a clean emulator, and polling the emulator's record.
import { AuthenticationClient, type AuthenticationClientOptions } from '@authing-edge/core'
import { DEMO_APP } from '@authing-edge/emulator'
import { show } from './assert.ts'
import type { ConformanceCase, SuiteContext } from './case.ts'

/** How often, and how many times at most, {@link pollUntil} checks. */
const POLL_EVERY_MS = 10
const POLL_TIMES = 200
const POLL_LIMIT_MS = POLL_EVERY_MS * POLL_TIMES

/** The WeChat credentials the emulator's demo app accepts. */
export const DEMO_DTO = Object.freeze({
  appId: DEMO_APP.wechatAppId,
  appSecret: DEMO_APP.wechatAppSecret,
})

/** The info endpoint, as the emulator names it in its counts and record. */
export const INFO = 'get-wechat-access-token-info'

/**
 * The options of a client of the emulator's demo app, without retries unless the case asks for
 * them. `dangerouslyAllowBrowser` is set only where the runtime is a browser, so every other
 * runtime proves it does not need it.
 *
 * @param ctx - the runtime and emulator
 * @returns options for core's client, or legacy's
 */
export function emulatorClientOptions(ctx: SuiteContext): AuthenticationClientOptions {
  return {
    appId: DEMO_APP.appId,
    appHost: ctx.emulatorUrl,
    retry: 0,
    ...(ctx.runtime.browser ? { dangerouslyAllowBrowser: true } : {}),
  }
}

/**
 * A client of the emulator's demo app (see {@link emulatorClientOptions}).
 *
 * @param ctx - the runtime and emulator
 * @param options - options to add or override
 * @returns a client aimed at the emulator
 */
export function emulatorClient(
  ctx: SuiteContext,
  options: Partial<AuthenticationClientOptions> = {},
): AuthenticationClient {
  return new AuthenticationClient({ ...emulatorClientOptions(ctx), ...options })
}

/**
 * A case that starts from a freshly reset emulator (no faults, no tokens, zero counts) and, passed
 * or failed, ends only when no request it made is still in flight at the emulator (see
 * {@link untilNoneInFlight}): a call that timed out or was aborted must have let its connection
 * go, and the next case's reset must not close one the runtime still holds.
 *
 * @param name - what the case proves, as a sentence
 * @param run - the case body
 * @returns the case
 */
export function emulatorCase(
  name: string,
  run: (ctx: SuiteContext) => Promise<void>,
): ConformanceCase {
  return {
    name,
    async run(ctx) {
      await ctx.emulator.reset()
      try {
        await run(ctx)
      } catch (error) {
        // The body's failure is what to report; its requests must still end before the next case.
        await untilNoneInFlight(ctx).catch(() => undefined)
        throw error
      }
      await untilNoneInFlight(ctx)
    },
  }
}

/**
 * Resolves once no request to the info endpoint is still in flight at the emulator: the client
 * has closed every connection it gave up on. Every {@link emulatorCase} ends with it, so that the
 * next case's reset cannot close a connection the runtime still holds: Chromium resends a request
 * whose reused connection closes before any answer, into the next case's counts.
 *
 * @param ctx - the emulator to ask
 */
async function untilNoneInFlight(ctx: SuiteContext): Promise<void> {
  await pollUntil(
    async () => (await ctx.emulator.requests(INFO)).every((r) => r.outcome.result !== 'pending'),
    async () =>
      `a request the client aborted is still in flight at the emulator after ${POLL_LIMIT_MS} ms`,
  )
}

/**
 * Resolves once the emulator has received `count` requests to the info endpoint, so a case can
 * act while a request is provably in flight. Polls a bounded number of times.
 *
 * @param ctx - the emulator to ask
 * @param count - how many requests to wait for
 */
export async function untilReceived(ctx: SuiteContext, count: number): Promise<void> {
  await pollUntil(
    async () => (await ctx.emulator.counts())[INFO] >= count,
    async () =>
      `the emulator never received ${count} request(s); counts ${show(await ctx.emulator.counts())}`,
  )
}

/** Checks every POLL_EVERY_MS, POLL_TIMES times at most, then throws with what `failure` gives. */
async function pollUntil(
  check: () => Promise<boolean>,
  failure: () => Promise<string>,
): Promise<void> {
  for (let attempt = 0; attempt < POLL_TIMES; attempt++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
  }
  throw new Error(await failure())
}
