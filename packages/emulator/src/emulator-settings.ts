import * as v from 'valibot'
import { DEMO_APP, DEMO_USER_ACCESS_TOKEN } from './demo-app.js'
import type { EmulatorApp, EmulatorOptions } from './emulator-options.js'
import { type EmulatorConfig, EmulatorConfigSchema, type SettingsPatch } from './settings-schema.js'
import type { RateLimit } from './state/rate-limiter.js'
import { REDACTED } from './state/redact.js'

/** The settings an emulator runs with; the control API can change them. */
export interface EmulatorSettings {
  /** Authing applications and their WeChat apps. */
  readonly apps: readonly EmulatorApp[]
  /** Whether `authorization` must carry a user access token. */
  readonly requireUserToken: boolean
  /** Accepted user access tokens. */
  readonly userTokens: readonly string[]
  /** How `expiresAt` goes on the wire. */
  readonly expiresAtAs: 'string' | 'number'
  /** Token lifetime in seconds. */
  readonly tokenLifetimeSeconds: number
  /** Renewal window before expiry, in seconds. */
  readonly renewBeforeSeconds: number
  /** The per-app rate limit, if any. */
  readonly rateLimit: RateLimit | undefined
}

/** The options the config schema checks: every JSON-serialisable one. */
const JSON_OPTION_KEYS = Object.keys(EmulatorConfigSchema.entries) as (keyof EmulatorConfig)[]

/**
 * Checks the JSON-serialisable options, throwing a `TypeError` that says what is wrong (and
 * never quotes a secret).
 *
 * @param options - the options given to `createEmulator`
 */
export function assertValidOptions(options: EmulatorOptions): void {
  const subset: Record<string, unknown> = {}
  for (const key of JSON_OPTION_KEYS) if (options[key] !== undefined) subset[key] = options[key]
  const result = v.safeParse(EmulatorConfigSchema, subset)
  if (!result.success) {
    throw new TypeError(`Invalid emulator options: ${v.summarize(result.issues)}`)
  }
}

/**
 * The settings an emulator starts with.
 *
 * @param options - validated options
 * @returns settings with every default filled in
 */
export function initialSettings(options: EmulatorOptions): EmulatorSettings {
  return applySettingsPatch(
    {
      apps: [DEMO_APP],
      requireUserToken: false,
      userTokens: [DEMO_USER_ACCESS_TOKEN],
      expiresAtAs: 'string',
      tokenLifetimeSeconds: 7200,
      renewBeforeSeconds: 300,
      rateLimit: undefined,
    },
    options,
  )
}

/**
 * Applies a partial update. `rateLimit: false` or `null` removes the limit.
 *
 * @param settings - the current settings
 * @param patch - the fields to change
 * @returns the new settings
 * @throws TypeError when the renewal window is not shorter than the lifetime
 */
export function applySettingsPatch(
  settings: EmulatorSettings,
  patch: SettingsPatch | EmulatorOptions,
): EmulatorSettings {
  const next: EmulatorSettings = {
    apps: patch.apps ? patch.apps.map((app) => ({ ...app })) : settings.apps,
    requireUserToken: patch.requireUserToken ?? settings.requireUserToken,
    userTokens: patch.userTokens ? [...patch.userTokens] : settings.userTokens,
    expiresAtAs: patch.expiresAtAs ?? settings.expiresAtAs,
    tokenLifetimeSeconds: patch.tokenLifetimeSeconds ?? settings.tokenLifetimeSeconds,
    renewBeforeSeconds: patch.renewBeforeSeconds ?? settings.renewBeforeSeconds,
    rateLimit:
      patch.rateLimit === undefined
        ? settings.rateLimit
        : patch.rateLimit === false || patch.rateLimit === null
          ? undefined
          : { ...patch.rateLimit },
  }
  if (next.renewBeforeSeconds >= next.tokenLifetimeSeconds) {
    throw new TypeError(
      `renewBeforeSeconds (${next.renewBeforeSeconds}) must be less than tokenLifetimeSeconds (${next.tokenLifetimeSeconds})`,
    )
  }
  return next
}

/**
 * The settings with every secret replaced, for the control API and printing.
 *
 * @param settings - the settings
 * @returns a redacted copy
 */
export function maskSettings(settings: EmulatorSettings): Record<string, unknown> {
  return {
    ...settings,
    apps: settings.apps.map((app) => ({ ...app, wechatAppSecret: REDACTED })),
    userTokens: settings.userTokens.map(() => REDACTED),
    rateLimit: settings.rateLimit ?? null,
  }
}
