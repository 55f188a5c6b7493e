import type { EmulatorSettings } from './emulator-settings.js'
import type { ActiveFaultRule } from './faults/fault-plan.js'
import type { FaultRule } from './faults/fault-rule-schema.js'
import type { SettingsPatch } from './settings-schema.js'
import type { EmulatorClock } from './state/emulator-clock.js'
import type { RecordedRequest, RequestCounts } from './state/request-record.js'
import type { CachedWechatToken } from './state/token-store.js'

/**
 * A standard fetch handler: give it a `Request` (or what `fetch` takes) and get a `Response`.
 * Usable as `fetch` in a client under test, as `Deno.serve(handler)`, or in a Worker.
 */
export type EmulatorFetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>

/** Programmatic control of the fault plan. */
export interface EmulatorFaults {
  /** Appends rules (validated); returns their ids. */
  add(rules: FaultRule | readonly FaultRule[]): string[]
  /** Replaces every rule; returns their ids. */
  set(rules: readonly FaultRule[]): string[]
  /** Removes one rule; returns whether it existed. */
  remove(id: string): boolean
  /** Removes every rule. */
  clear(): void
  /** The rules with their remaining budget. */
  list(): ActiveFaultRule[]
}

/** The server-side WeChat token cache, for assertions. */
export interface EmulatorTokens {
  /** The current token of a WeChat app, if one was issued. */
  get(wechatAppId: string): CachedWechatToken | undefined
  /** Every current token. */
  list(): CachedWechatToken[]
  /** Drops one app's token (or all): the next request gets a new one. Returns how many. */
  invalidate(wechatAppId?: string): number
}

/**
 * An emulator: a fetch handler with controls. `emulator(request)` and
 * `emulator.fetch(request)` do the same thing; the latter ignores extra arguments, so a
 * runtime can call it directly: `export default { fetch: emulator.fetch }` in a Worker.
 */
export interface Emulator extends EmulatorFetch {
  /** The handler alone, unbound-safe: `Deno.serve(emulator.fetch)`, `{ fetch: emulator.fetch }`. */
  fetch(request: Request, ...ignored: unknown[]): Promise<Response>
  /** The emulated clock: tokens and rate-limit windows follow it. */
  readonly clock: EmulatorClock
  /** Fault injection. */
  readonly faults: EmulatorFaults
  /** The server-side token cache. */
  readonly tokens: EmulatorTokens
  /** The recorded requests (secrets redacted), oldest first. */
  requests(): RecordedRequest[]
  /** Requests received per endpoint. */
  counts(): RequestCounts
  /** Forgets recorded requests and counts. */
  clearRequests(): void
  /** The current settings (with secrets: this is the in-process API). */
  settings(): EmulatorSettings
  /** Changes settings while running; throws a `TypeError` on invalid values. */
  updateSettings(patch: SettingsPatch): EmulatorSettings
  /** The seed in use; pass it back as `seed` to replay a run. */
  seed(): number
  /**
   * Back to the initial state: settings, clock, tokens, rate-limit windows, record, counts and
   * fault rules as configured. Hanging requests and drips in flight end with a connection reset.
   */
  reset(): void
}

/** A fault rule with its remaining budget, as `faults.list()` returns it. */
export type { ActiveFaultRule }
