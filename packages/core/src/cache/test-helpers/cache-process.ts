import type { WechatAccessTokenCacheEvent } from '../cache-events.js'
import type { TokenStore } from '../token-store.js'
import { WechatAccessTokenCache } from '../wechat-access-token-cache.js'
import { scriptedSource } from './scripted-source.js'
import type { TestClock } from './test-clock.js'

/**
 * One "process" (or Worker isolate) sharing a store with others: its own cache, scripted source,
 * events and background work, on a shared clock.
 *
 * @param store - the shared store as this process sees it
 * @param clock - the shared clock
 * @returns the cache, its source, what it reported, and `getAnswering`
 */
export function cacheProcess(store: TokenStore, clock: TestClock) {
  const source = scriptedSource()
  const events: WechatAccessTokenCacheEvent[] = []
  const cache = new WechatAccessTokenCache({
    client: source,
    appId: 'wx-app',
    appSecret: 'wx-secret',
    store,
    now: clock.now,
    onEvent: (event) => events.push(event),
  })
  const background: Promise<unknown>[] = []
  const waitUntil = (p: Promise<unknown>) => background.push(p)
  /**
   * A get whose next source call is answered with `token`; awaits its background work too.
   *
   * @param token - the token upstream hands out
   * @param expiresAt - its expiry (epoch ms); two hours after the clock's start by default
   */
  async function getAnswering(token: string, expiresAt = clock.start + 7_200_000) {
    const pending = cache.get({ waitUntil })
    const n = source.calls.length + 1
    await source.waitForCalls(n)
    source.calls[n - 1]?.succeed(token, expiresAt)
    const result = await pending
    await Promise.all(background)
    return result
  }
  return { cache, source, events, waitUntil, background, getAnswering }
}
