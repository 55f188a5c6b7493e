import * as v from 'valibot'
import { FaultRuleSchema } from './faults/fault-rule-schema.js'

const NonEmptyString = v.pipe(v.string(), v.nonEmpty('must not be empty'))

/** A secret: its messages never quote the value. */
const Secret = (name: string) =>
  v.pipe(v.string(`${name} must be a string`), v.nonEmpty(`${name} must not be empty`))

/** One Authing application bound to one WeChat app. */
export const EmulatorAppSchema = v.strictObject({
  /** The Authing application's appId (the `x-authing-app-id` header). */
  appId: NonEmptyString,
  /** The WeChat AppId (body `appId`). */
  wechatAppId: NonEmptyString,
  /** The WeChat AppSecret (body `appSecret`). */
  wechatAppSecret: Secret('wechatAppSecret'),
})

/** A fixed-window rate limit per Authing app. */
export const RateLimitSchema = v.strictObject({
  limit: v.pipe(v.number(), v.safeInteger(), v.minValue(1, 'limit must be at least 1')),
  windowMs: v.pipe(v.number(), v.safeInteger(), v.minValue(1, 'windowMs must be at least 1')),
})

/** Settings that can change while the emulator runs (control API `PATCH /__emulator/settings`). */
export const SettingsPatchSchema = v.strictObject({
  apps: v.exactOptional(
    v.pipe(v.array(EmulatorAppSchema), v.minLength(1, 'apps must not be empty')),
  ),
  requireUserToken: v.exactOptional(v.boolean()),
  userTokens: v.exactOptional(v.array(Secret('each user token'), 'userTokens must be an array')),
  expiresAtAs: v.exactOptional(v.picklist(['string', 'number'])),
  tokenLifetimeSeconds: v.exactOptional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  renewBeforeSeconds: v.exactOptional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  rateLimit: v.exactOptional(v.union([RateLimitSchema, v.literal(false), v.null()])),
})

/** A partial settings update as accepted by the control API. */
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>

/**
 * Everything about an emulator that can be written as JSON: what a config file or
 * `createEmulator` options hold, minus functions.
 */
export const EmulatorConfigSchema = v.strictObject({
  ...SettingsPatchSchema.entries,
  faults: v.exactOptional(v.array(FaultRuleSchema)),
  seed: v.exactOptional(v.pipe(v.number(), v.safeInteger())),
  startAt: v.exactOptional(v.pipe(v.number(), v.finite())),
  controlApi: v.exactOptional(v.boolean()),
  cors: v.exactOptional(
    v.union([v.boolean(), v.strictObject({ origin: v.exactOptional(NonEmptyString) })]),
  ),
  basePath: v.exactOptional(
    v.pipe(v.string(), v.regex(/^(?:\/[^/?#]+)*$/, 'basePath must look like "/sub" or ""')),
  ),
  maxRecordedRequests: v.exactOptional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
})

/** The JSON-serialisable part of the emulator options. */
export type EmulatorConfig = v.InferOutput<typeof EmulatorConfigSchema>
