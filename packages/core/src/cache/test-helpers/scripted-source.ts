import type { WechatAccessTokenEnvelope } from '@authing-edge/types'
import type { WechatAccessTokenSource } from '../cache-options.js'

/** One call the source received, settled by the test when it chooses. */
export interface PendingCall {
  readonly appId: string
  readonly appSecret: string
  readonly throwOnApiError: boolean | undefined
  /** Answers with a success envelope (`expiresAt` in epoch ms, sent as seconds). */
  succeed(accessToken: string, expiresAt: number): void
  /** Answers with anything, as a source that does not keep its type promises would. */
  answer(body: unknown): void
  /** Fails with this error. */
  fail(error: unknown): void
}

/** A hand-made {@link WechatAccessTokenSource} whose calls stay pending until the test settles them. */
export interface ScriptedSource extends WechatAccessTokenSource {
  /** Every call, in order. */
  readonly calls: PendingCall[]
  /** Resolves once `count` calls in total have been made. */
  waitForCalls(count: number): Promise<void>
}

/**
 * @param logger - optional logger the cache should pick up
 * @returns a source for `https://example.authing.cn` and Authing app `authing-app`
 */
export function scriptedSource(logger?: WechatAccessTokenSource['logger']): ScriptedSource {
  const calls: PendingCall[] = []
  const waiters: { count: number; resolve: () => void }[] = []
  return {
    appId: 'authing-app',
    appHost: 'https://example.authing.cn',
    logger,
    calls,
    waitForCalls(count) {
      if (calls.length >= count) return Promise.resolve()
      return new Promise((resolve) => waiters.push({ count, resolve }))
    },
    getWechatMpAccessTokenInfo(dto, options) {
      return new Promise<WechatAccessTokenEnvelope>((resolve, reject) => {
        calls.push({
          appId: dto.appId,
          appSecret: dto.appSecret,
          throwOnApiError: options?.throwOnApiError,
          succeed: (accessToken, expiresAt) =>
            resolve({
              statusCode: 200,
              message: 'ok',
              data: { accessToken, expiresAt: String(Math.floor(expiresAt / 1000)) },
            }),
          // A misbehaving source: the cache must validate rather than trust the declared type.
          answer: (body) => resolve(body as WechatAccessTokenEnvelope),
          fail: reject,
        })
        for (const waiter of waiters.filter((w) => calls.length >= w.count)) {
          waiters.splice(waiters.indexOf(waiter), 1)
          waiter.resolve()
        }
      })
    },
  }
}
