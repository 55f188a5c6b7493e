import { isTimeoutError } from '@authing-edge/core'
import { equal, ok, rejects } from '../assert.ts'
import type { ConformanceCase } from '../case.ts'
import { DEMO_DTO, emulatorCase, emulatorClient, INFO, untilReceived } from '../fixtures.ts'

/** Per-attempt timeout of these cases: short, since the emulator hangs on purpose. */
const TIMEOUT_MS = 250

/** The caller's reason for aborting: it must come back as is. */
class CallerGaveUp extends Error {
  override name = 'CallerGaveUp' as const
}

const isCallerGaveUp = (value: unknown): value is CallerGaveUp => value instanceof CallerGaveUp

/** Timeouts and aborts, with the emulator holding the response back. */
export const timeoutAbortCases: readonly ConformanceCase[] = [
  emulatorCase('a response that never comes rejects with TimeoutError', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'hang' } })
    const error = await rejects(
      emulatorClient(ctx, { timeout: TIMEOUT_MS }).getWechatMpAccessTokenInfo(DEMO_DTO),
      isTimeoutError,
      'TimeoutError',
    )
    equal(error.timeout, TIMEOUT_MS, 'error.timeout')
    equal((await ctx.emulator.counts())[INFO], 1, 'requests: one attempt, timeouts are not retried')
  }),

  emulatorCase('aborting a call in flight rejects with the caller’s reason', async (ctx) => {
    await ctx.emulator.addFaults({ fault: { kind: 'hang' } })
    const controller = new AbortController()
    const reason = new CallerGaveUp('the caller gave up')
    const call = emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO, {
      signal: controller.signal,
    })
    await untilReceived(ctx, 1)
    controller.abort(reason)
    const error = await rejects(call, isCallerGaveUp, 'the caller’s own abort reason')
    ok(error === reason, 'the very reason object passed to abort()')
    // emulatorCase then waits until the emulator sees the client go away.
  }),

  emulatorCase('an already aborted signal rejects without sending anything', async (ctx) => {
    const reason = new CallerGaveUp('aborted before the call')
    const call = emulatorClient(ctx).getWechatMpAccessTokenInfo(DEMO_DTO, {
      signal: AbortSignal.abort(reason),
    })
    const error = await rejects(call, isCallerGaveUp, 'the caller’s own abort reason')
    ok(error === reason, 'the very reason object passed to AbortSignal.abort()')
    equal((await ctx.emulator.counts())[INFO], 0, 'requests sent')
  }),
]
