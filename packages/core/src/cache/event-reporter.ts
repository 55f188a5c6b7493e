import type { Logger } from '../logger.js'
import type { WechatAccessTokenCacheEvent } from './cache-events.js'

type Level = 'debug' | 'info' | 'warn'

const LEVELS: Readonly<Record<WechatAccessTokenCacheEvent['type'], Level>> = {
  hit: 'debug',
  miss: 'debug',
  refresh: 'info',
  invalidate: 'info',
  'refresh-failed': 'warn',
  'stale-served': 'warn',
  'store-error': 'warn',
  'negative-hit': 'warn',
  'wait-timeout': 'warn',
}

// Built once, so reporting a hit allocates nothing.
const MESSAGES: Readonly<Record<WechatAccessTokenCacheEvent['type'], string>> = {
  hit: 'WeChat access token cache: hit',
  miss: 'WeChat access token cache: miss',
  refresh: 'WeChat access token cache: refreshed from upstream',
  invalidate: 'WeChat access token cache: invalidate',
  'refresh-failed': 'WeChat access token cache: refresh failed',
  'stale-served': 'WeChat access token cache: served a token whose refresh failed',
  'store-error': 'WeChat access token cache: store failed, carrying on without it',
  'negative-hit': 'WeChat access token cache: remembered business error',
  'wait-timeout': 'WeChat access token cache: stopped waiting on another refresh',
}

/**
 * Sends cache events to `onEvent` and to the logger at a level that fits each type. Neither
 * can break the cache: what they throw is swallowed.
 * @internal
 */
export class EventReporter {
  readonly #onEvent: ((event: WechatAccessTokenCacheEvent) => void) | undefined
  readonly #logger: Logger | undefined
  /** Whether anyone listens to hits; checked first so an unobserved hit costs nothing. */
  readonly observesHits: boolean

  /**
   * @param onEvent - the user's listener
   * @param logger - the client's logger
   */
  constructor(
    onEvent: ((event: WechatAccessTokenCacheEvent) => void) | undefined,
    logger: Logger | undefined,
  ) {
    this.#onEvent = onEvent
    this.#logger = logger
    this.observesHits = onEvent !== undefined || typeof logger?.debug === 'function'
  }

  /** @param message - a warning about how the cache is used; never holds a secret */
  warn(message: string): void {
    try {
      this.#logger?.warn?.(message)
    } catch {
      // A logger that throws must not break the cache.
    }
  }

  /** @param event - a frozen or fresh event; it is handed on as is */
  report(event: WechatAccessTokenCacheEvent): void {
    if (this.#onEvent !== undefined) {
      try {
        this.#onEvent(event)
      } catch {
        // A listener's bug must not turn a served token into an error.
      }
    }
    const logger = this.#logger
    if (logger === undefined) return
    try {
      const level = LEVELS[event.type]
      if (level === 'debug') logger.debug?.(MESSAGES[event.type], event)
      else if (level === 'info') logger.info?.(MESSAGES[event.type], event)
      else logger.warn?.(MESSAGES[event.type], event)
    } catch {
      // Same for a logger that throws.
    }
  }
}
