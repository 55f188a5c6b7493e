import type { Hooks } from 'ky'
import { ConfigError } from '../errors/config-error.js'
import type { Logger } from '../logger.js'
import { isBrowserLike } from './browser-guard.js'
import { isRecord } from './is-record.js'
import { isLoopbackHost, normalizeAppHost } from './normalize-app-host.js'
import type { AuthenticationClientOptions, FetchLike, RequestOptions } from './options.js'

/** The longest timer JavaScript runtimes accept, in milliseconds. */
export const MAX_TIMER = 2_147_483_647

/** Client options after validation, with every default applied. */
export interface ResolvedOptions {
  readonly appId: string
  readonly appHost: string
  readonly appSecret: string | undefined
  readonly accessToken: string | undefined
  readonly timeout: number
  readonly retry: {
    readonly limit: number
    readonly backoffLimit: number
    readonly maxRetryAfter: number
    readonly retryOnTimeout: boolean
  }
  readonly fetch: FetchLike | undefined
  /**
   * Extra headers, then `content-type` and the app id header, which they cannot replace. Names are
   * lower-cased. A plain object, which ky merges with a call's headers more cheaply than `Headers`.
   */
  readonly headers: Readonly<Record<string, string>>
  /** The user's ky hooks; `undefined` when no list holds a hook. */
  readonly hooks: Hooks | undefined
  readonly logger: Logger | undefined
  readonly throwOnApiError: boolean
  readonly maxResponseBytes: number
}

/**
 * Throws the {@link ConfigError} for an option.
 *
 * @param option - the option at fault, e.g. `timeout` or `dto.appSecret`
 * @param message - what is wrong and how to fix it, never the value
 */
export function fail(option: string, message: string): never {
  throw new ConfigError(option, message)
}

/**
 * Checks a string that must be present and non-empty.
 *
 * @param value - the value to check
 * @param option - its name, for the error
 * @param hint - what to pass instead, appended to the message
 * @returns the string
 */
export function requireString(value: unknown, option: string, hint?: string): string {
  if (typeof value !== 'string' || value === '') {
    fail(
      option,
      hint === undefined ? 'must be a non-empty string' : `must be a non-empty string: ${hint}`,
    )
  }
  return value
}

function optionalString(value: unknown, option: string): string | undefined {
  return value === undefined ? undefined : requireString(value, option)
}

/** Checks an optional flag; every flag defaults to false. */
function flag(value: unknown, option: string): boolean {
  if (value !== undefined && typeof value !== 'boolean') fail(option, 'must be true or false')
  return value === true
}

function integer(
  value: unknown,
  option: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    fail(option, `must be an integer from ${min} to ${max}`)
  }
  return value
}

function resolveRetry(value: unknown): ResolvedOptions['retry'] {
  const retry = typeof value === 'number' ? { limit: value } : value === undefined ? {} : value
  if (!isRecord(retry)) fail('retry', 'must be a number or an object such as { limit: 2 }')
  const name = typeof value === 'number' ? 'retry' : 'retry.limit'
  return {
    limit: integer(retry.limit, name, 0, 100, 2),
    backoffLimit: integer(retry.backoffLimit, 'retry.backoffLimit', 0, MAX_TIMER, 10_000),
    maxRetryAfter: integer(retry.maxRetryAfter, 'retry.maxRetryAfter', 0, MAX_TIMER, 60_000),
    retryOnTimeout: flag(retry.retryOnTimeout, 'retry.retryOnTimeout'),
  }
}

/** Sets a header, telling whether its name and value were valid. */
function trySet(headers: Headers, name: string, value: unknown): boolean {
  if (typeof value !== 'string') return false
  try {
    headers.set(name, value)
    return true
  } catch {
    return false
  }
}

function resolveHeaders(
  value: unknown,
  appIdHeader: string,
  appId: string,
): Record<string, string> {
  if (value !== undefined && !isRecord(value)) fail('headers', 'must be an object')
  const headers = new Headers()
  for (const [name, headerValue] of Object.entries(value ?? {})) {
    if (!trySet(headers, name, headerValue)) {
      fail(`headers.${name}`, 'must be a valid header name with a string value')
    }
  }
  headers.set('content-type', 'application/json')
  headers.set(appIdHeader, appId)
  return Object.fromEntries(headers)
}

/** The hooks ky 1 runs; it would drop any other name without a word. */
const HOOK_NAMES = ['beforeRequest', 'beforeRetry', 'afterResponse', 'beforeError']

/** Checks the hooks option, telling whether it holds any hook at all. */
function hasHooks(value: unknown): boolean {
  if (value !== undefined && !isRecord(value)) fail('hooks', 'must be an object of ky hooks')
  let count = 0
  for (const [name, hooks] of Object.entries(value ?? {})) {
    if (!HOOK_NAMES.includes(name))
      fail(`hooks.${name}`, `is not a ky 1 hook: use ${HOOK_NAMES.join(', ')}`)
    if (hooks === undefined) continue
    if (!Array.isArray(hooks) || !hooks.every((hook) => typeof hook === 'function')) {
      fail(`hooks.${name}`, 'must be an array of functions')
    }
    count += hooks.length
  }
  return count > 0
}

function resolveAppIdHeader(value: unknown, appHost: string): string {
  if (value === undefined) {
    const { hostname } = new URL(appHost)
    return hostname === 'genauth.ai' || hostname.endsWith('.genauth.ai')
      ? 'x-genauth-app-id'
      : 'x-authing-app-id'
  }
  if (value !== 'x-authing-app-id' && value !== 'x-genauth-app-id') {
    fail('appIdHeader', 'must be "x-authing-app-id" or "x-genauth-app-id"')
  }
  return value
}

/**
 * Validates client options and applies defaults. Runs once, in the constructor; every problem is a
 * {@link ConfigError} naming the option, never showing its value.
 *
 * @param options - what the caller passed to the constructor
 * @returns the options with defaults applied
 */
export function resolveOptions(options: AuthenticationClientOptions): ResolvedOptions {
  if (!isRecord(options)) fail('options', 'pass an object such as { appId, appHost }')
  const o: Record<string, unknown> = options
  if (!flag(o.dangerouslyAllowBrowser, 'dangerouslyAllowBrowser') && isBrowserLike()) {
    fail(
      'dangerouslyAllowBrowser',
      'in a browser the WeChat appSecret would be visible to every visitor: call ' +
        'getWechatMpAccessTokenInfo from a server, or set dangerouslyAllowBrowser: true',
    )
  }
  const appId = requireString(o.appId, 'appId')
  const appHost = normalizeAppHost(requireString(o.appHost, 'appHost'))
  const allowInsecureHttp = flag(o.allowInsecureHttp, 'allowInsecureHttp')
  if (appHost.startsWith('http:') && !allowInsecureHttp && !isLoopbackHost(appHost)) {
    fail(
      'appHost',
      'http:// would send the appSecret unencrypted: use https:// or set allowInsecureHttp: true',
    )
  }
  if (o.fetch !== undefined && typeof o.fetch !== 'function') fail('fetch', 'must be a function')
  if (o.logger !== undefined && !isRecord(o.logger)) {
    fail('logger', 'must be an object, e.g. console')
  }
  const hooks = hasHooks(o.hooks) ? options.hooks : undefined
  return {
    appId,
    appHost,
    appSecret: optionalString(o.appSecret, 'appSecret'),
    accessToken: optionalString(o.accessToken, 'accessToken'),
    timeout: integer(o.timeout, 'timeout', 1, MAX_TIMER, 10_000),
    retry: resolveRetry(o.retry),
    fetch: options.fetch,
    headers: resolveHeaders(o.headers, resolveAppIdHeader(o.appIdHeader, appHost), appId),
    hooks,
    logger: options.logger,
    throwOnApiError: flag(o.throwOnApiError, 'throwOnApiError'),
    maxResponseBytes: integer(o.maxResponseBytes, 'maxResponseBytes', 1, 2 ** 30, 1_048_576),
  }
}

/**
 * Validates per-call options cheaply (no allocation on the common path).
 *
 * @param options - what the caller passed
 */
export function checkRequestOptions(options: RequestOptions): void {
  if (!isRecord(options)) fail('options', 'pass an object such as { signal, timeout }')
  const { signal, timeout, throwOnApiError } = options
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    fail('options.signal', 'must be an AbortSignal')
  }
  integer(timeout, 'options.timeout', 1, MAX_TIMER, 0)
  flag(throwOnApiError, 'options.throwOnApiError')
}
