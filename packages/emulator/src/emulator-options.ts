import type { FaultRule } from './faults/fault-rule-schema.js'
import type { RecordedRequest } from './state/request-record.js'

/** An Authing application bound to a WeChat app, as the emulator serves it. */
export interface EmulatorApp {
  /** The Authing application's appId, sent as `x-authing-app-id` / `x-genauth-app-id`. */
  readonly appId: string
  /** The WeChat Mini Program / Official Account AppId, sent as body `appId`. */
  readonly wechatAppId: string
  /** The WeChat AppSecret, sent as body `appSecret`. Never printed or recorded. */
  readonly wechatAppSecret: string
}

/** CORS for browser callers. */
export interface CorsOptions {
  /** `Access-Control-Allow-Origin`. @default '*' */
  readonly origin?: string
}

/**
 * Waits `ms` of real time, rejecting with `signal.reason` when `signal` aborts.
 * Injected in tests to observe latency and drips without waiting.
 */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

/** Options of {@link createEmulator}. Every field is optional. */
export interface EmulatorOptions {
  /**
   * The Authing applications and the WeChat apps they may fetch tokens for.
   * @default [DEMO_APP]
   */
  readonly apps?: readonly EmulatorApp[]
  /**
   * Require a user access token in `authorization` (raw or `Bearer <token>`).
   * @default false
   */
  readonly requireUserToken?: boolean
  /** User access tokens accepted in user-token mode. @default [DEMO_USER_ACCESS_TOKEN] */
  readonly userTokens?: readonly string[]
  /** How `data.expiresAt` is sent: a string of seconds, or a number. @default 'string' */
  readonly expiresAtAs?: 'string' | 'number'
  /** Lifetime of an issued token, in seconds. @default 7200 */
  readonly tokenLifetimeSeconds?: number
  /** A token this close to expiry is replaced by the next request, in seconds. @default 300 */
  readonly renewBeforeSeconds?: number
  /** Per-Authing-app limit; excess requests get HTTP 429. @default undefined (no limit) */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number } | false | null
  /** Fault rules active from the start (and again after a reset). @default [] */
  readonly faults?: readonly FaultRule[]
  /** Seed of every random choice (tokens, request ids, fault rates). @default random */
  readonly seed?: number
  /** Time source in epoch milliseconds, read at call time. @default Date.now */
  readonly now?: () => number
  /** Start with a frozen clock at this epoch millisecond. @default undefined (running clock) */
  readonly startAt?: number
  /**
   * Serve the control API under `/__emulator`. For local use only: anyone who can reach it can
   * change the emulator's behaviour.
   * @default true
   */
  readonly controlApi?: boolean
  /** Answer CORS preflights and add CORS headers. @default false */
  readonly cors?: boolean | CorsOptions
  /** Serve the endpoints below this path, e.g. `/sub` for an appHost with a path. @default '' */
  readonly basePath?: string
  /** How many requests the record keeps (counts are never capped). @default 1000 */
  readonly maxRecordedRequests?: number
  /** Real-time waits (latency, drips). @default a setTimeout-based sleep */
  readonly sleep?: Sleep
  /** Called once a request's outcome is known, with the redacted entry; what it throws is ignored. */
  readonly onRequest?: (entry: RecordedRequest) => void
}
