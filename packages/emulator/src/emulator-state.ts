import type { EmulatorOptions, Sleep } from './emulator-options.js'
import { applySettingsPatch, type EmulatorSettings, initialSettings } from './emulator-settings.js'
import { createFaultPlan, type FaultPlan } from './faults/fault-plan.js'
import { resolveCorsOrigin } from './http/cors.js'
import { EmulatedNetworkError } from './http/emulated-network-error.js'
import { realSleep } from './http/sleep.js'
import type { SettingsPatch } from './settings-schema.js'
import { createEmulatorClock, type EmulatorClock } from './state/emulator-clock.js'
import { createLazyRandom } from './state/lazy-random.js'
import { createRateLimiter, type RateLimiter } from './state/rate-limiter.js'
import { createRequestRecord, type RequestRecord } from './state/request-record.js'
import { createTokenStore, type TokenStore } from './state/token-store.js'

/** Everything an emulator knows, shared by the endpoints and the control API. @internal */
export interface EmulatorState {
  readonly options: EmulatorOptions
  readonly clock: EmulatorClock
  readonly tokens: TokenStore
  readonly limiter: RateLimiter
  readonly faults: FaultPlan
  readonly record: RequestRecord
  readonly sleep: Sleep
  readonly corsOrigin: string | undefined
  readonly basePath: string
  readonly controlApi: boolean
  /** The current settings. */
  settings(): EmulatorSettings
  /** Applies a partial settings update. */
  updateSettings(patch: SettingsPatch): EmulatorSettings
  /** The seed in use (drawn at first use when none was given). */
  seed(): number
  /** A unique request id, UUID-shaped. */
  nextRequestId(): string
  /** The next record sequence number. */
  nextSeq(): number
  /** Every configured secret, for redaction. */
  secrets(): ReadonlySet<string>
  /** Aborts when the emulator resets: ends hangs and drips in flight. */
  lifecycle(): AbortSignal
  /** Back to the initial state; in-flight hangs and drips end with a connection reset. */
  reset(): void
}

const HEX = '0123456789abcdef'

/**
 * Builds the state of a new emulator from validated options.
 *
 * @param options - validated options
 * @returns the state
 * @internal
 */
export function createEmulatorState(options: EmulatorOptions): EmulatorState {
  let settings = initialSettings(options)
  let seed = options.seed
  const getSeed = (): number => {
    seed ??= Math.floor(Math.random() * 4_294_967_296)
    return seed
  }
  // Separate streams: how many ids or tokens were drawn never shifts fault decisions.
  const faultRandom = createLazyRandom(getSeed, 0)
  const tokenRandom = createLazyRandom(getSeed, 1)
  const idRandom = createLazyRandom(getSeed, 2)
  let lifecycle: AbortController | undefined
  let seq = 0
  let issuedIds = 0

  const clock = createEmulatorClock(options.now ?? (() => Date.now()), options.startAt)
  const tokens = createTokenStore(
    () => ({
      lifetimeSeconds: settings.tokenLifetimeSeconds,
      renewBeforeSeconds: settings.renewBeforeSeconds,
    }),
    tokenRandom,
  )
  const limiter = createRateLimiter(() => settings.rateLimit)
  const faults = createFaultPlan(faultRandom)
  if (options.faults) faults.set(options.faults)
  const record = createRequestRecord(options.maxRecordedRequests ?? 1000)

  return {
    options,
    clock,
    tokens,
    limiter,
    faults,
    record,
    sleep: options.sleep ?? realSleep,
    corsOrigin: resolveCorsOrigin(options.cors),
    basePath: options.basePath ?? '',
    controlApi: options.controlApi ?? true,
    settings: () => settings,
    updateSettings(patch) {
      settings = applySettingsPatch(settings, patch)
      return settings
    },
    seed: getSeed,
    nextRequestId() {
      issuedIds++
      // 20 random hex digits, then a counter: unique for the emulator's lifetime.
      const r = idRandom.string(20, HEX)
      const n = issuedIds.toString(16).padStart(12, '0')
      return `${r.slice(0, 8)}-${r.slice(8, 12)}-4${r.slice(12, 15)}-a${r.slice(15, 18)}-${r.slice(18, 20)}${n.slice(-10)}`
    },
    nextSeq: () => ++seq,
    secrets() {
      const all = new Set<string>(settings.userTokens)
      for (const app of settings.apps) all.add(app.wechatAppSecret)
      return all
    },
    lifecycle() {
      lifecycle ??= new AbortController()
      return lifecycle.signal
    },
    reset() {
      lifecycle?.abort(new EmulatedNetworkError('the emulator was reset mid-request'))
      lifecycle = undefined
      settings = initialSettings(options)
      clock.reset()
      tokens.clear()
      limiter.clear()
      record.clear()
      faultRandom.reset()
      faults.set(options.faults ?? [])
      seq = 0
    },
  }
}
