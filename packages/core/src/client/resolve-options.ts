import type { Hooks } from 'ky'
import { ConfigError } from '../errors/config-error.js'
import type { Logger } from '../logger.js'
import { isBrowserLike } from './browser-guard.js'
import { isLoopbackHost, normalizeAppHost } from './normalize-app-host.js'
import type {
  AppIdHeader,
  AuthenticationClientOptions,
  FetchLike,
  RequestOptions,
} from './options.js'

/** The longest timer JavaScript runtimes accept, in milliseconds. */
const MAX_TIMEOUT = 2_147_483_647
const HOOK_NAMES = ['init', 'beforeRequest', 'beforeRetry', 'afterResponse', 'beforeError']

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
  /** Lower-cased names; the app id and content-type headers already set. */
  readonly headers: Readonly<Record<string, string>>
  readonly hooks: Hooks | undefined
  readonly logger: Logger | undefined
  readonly throwOnApiError: boolean
  readonly maxResponseBytes: number
}

function fail(option: string, message: string): never {
  throw new ConfigError(option, message)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * Validates a string that must be present and non-empty.
 *
 * @param value - the value to check
 * @param option - its name, for the error
 * @param hint - what to pass instead
 * @returns the string
 */
export function requireString(value: unknown, option: string, hint: string): string {
  if (typeof value !== 'string' || value === '') fail(option, `must be a non-empty string: ${hint}`)
  return value
}

function optionalString(value: unknown, option: string, hint: string): string | undefined {
  return value === undefined ? undefined : requireString(value, option, hint)
}

function checkBoolean(value: unknown, option: string, fallback: boolean): boolean {
  if (value === undefined) return fallback
  if (typeof value !== 'boolean') fail(option, 'must be true or false')
  return value
}

function checkInteger(
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

/**
 * Validates a per-attempt timeout in milliseconds.
 *
 * @returns the timeout, or `fallback` when `value` is undefined
 */
export function checkTimeout(value: unknown, option: string, fallback: number): number {
  return checkInteger(value, option, 1, MAX_TIMEOUT, fallback)
}

function resolveRetry(value: unknown): ResolvedOptions['retry'] {
  if (typeof value === 'number' || value === undefined) {
    return {
      limit: checkInteger(value, 'retry', 0, 100, 2),
      backoffLimit: 10_000,
      maxRetryAfter: 60_000,
      retryOnTimeout: false,
    }
  }
  if (!isObject(value))
    fail('retry', 'must be a number of retries or an object such as { limit: 2 }')
  return {
    limit: checkInteger(value.limit, 'retry.limit', 0, 100, 2),
    backoffLimit: checkInteger(value.backoffLimit, 'retry.backoffLimit', 0, MAX_TIMEOUT, 10_000),
    maxRetryAfter: checkInteger(value.maxRetryAfter, 'retry.maxRetryAfter', 0, MAX_TIMEOUT, 60_000),
    retryOnTimeout: checkBoolean(value.retryOnTimeout, 'retry.retryOnTimeout', false),
  }
}

function resolveHeaders(
  value: unknown,
  appIdHeader: AppIdHeader,
  appId: string,
): Record<string, string> {
  const headers = new Headers()
  if (value !== undefined) {
    if (!isObject(value)) fail('headers', 'must be an object of header names to string values')
    for (const [name, headerValue] of Object.entries(value)) {
      if (typeof headerValue !== 'string') fail(`headers.${name}`, 'must be a string')
      try {
        headers.set(name, headerValue)
      } catch {
        fail(`headers.${name}`, 'is not a valid header name or value')
      }
    }
  }
  headers.set('content-type', 'application/json')
  headers.set(appIdHeader, appId)
  return Object.fromEntries(headers)
}

function checkHooks(value: unknown): void {
  if (value === undefined) return
  if (!isObject(value)) fail('hooks', 'must be an object of ky hook arrays')
  for (const name of HOOK_NAMES) {
    const list = value[name]
    if (
      list !== undefined &&
      (!Array.isArray(list) || !list.every((hook) => typeof hook === 'function'))
    ) {
      fail(`hooks.${name}`, 'must be an array of functions')
    }
  }
}

function resolveAppIdHeader(value: unknown, appHost: string): AppIdHeader {
  if (value === 'x-authing-app-id' || value === 'x-genauth-app-id') return value
  if (value !== undefined) fail('appIdHeader', 'must be "x-authing-app-id" or "x-genauth-app-id"')
  const { hostname } = new URL(appHost)
  return hostname === 'genauth.ai' || hostname.endsWith('.genauth.ai')
    ? 'x-genauth-app-id'
    : 'x-authing-app-id'
}

/**
 * Validates client options and applies defaults. Runs once, in the constructor; every problem is a
 * {@link ConfigError} naming the option, never showing its value.
 *
 * @param input - what the caller passed to the constructor
 * @returns the options with defaults applied
 */
export function resolveOptions(input: AuthenticationClientOptions): ResolvedOptions {
  if (!isObject(input)) fail('options', 'pass an object such as { appId, appHost }')
  const o: Record<string, unknown> = input
  if (isBrowserLike() && o.dangerouslyAllowBrowser !== true) {
    fail(
      'dangerouslyAllowBrowser',
      'AuthenticationClient is running in a browser, where the WeChat appSecret sent to ' +
        'getWechatMpAccessTokenInfo would be visible to every visitor. Call it from a server ' +
        '(Node, Deno, Bun, Cloudflare Workers), or pass dangerouslyAllowBrowser: true if you accept that risk.',
    )
  }
  checkBoolean(o.dangerouslyAllowBrowser, 'dangerouslyAllowBrowser', false)
  const appId = requireString(o.appId, 'appId', 'pass the Authing application id')
  const appHost = normalizeAppHost(
    requireString(o.appHost, 'appHost', 'pass your domain, e.g. "example.authing.cn"'),
  )
  if (
    appHost.startsWith('http:') &&
    !isLoopbackHost(appHost) &&
    !checkBoolean(o.allowInsecureHttp, 'allowInsecureHttp', false)
  ) {
    fail(
      'appHost',
      'plain http:// would send the WeChat appSecret unencrypted; use https:// or set allowInsecureHttp: true',
    )
  }
  checkBoolean(o.allowInsecureHttp, 'allowInsecureHttp', false)
  if (o.fetch !== undefined && typeof o.fetch !== 'function')
    fail('fetch', 'must be a fetch function')
  if (o.logger !== undefined && (typeof o.logger !== 'object' || o.logger === null)) {
    fail('logger', 'must be an object with debug/info/warn/error methods, such as console')
  }
  checkHooks(o.hooks)
  const appIdHeader = resolveAppIdHeader(o.appIdHeader, appHost)
  return {
    appId,
    appHost,
    appSecret: optionalString(o.appSecret, 'appSecret', 'omit it or pass the Authing app secret'),
    accessToken: optionalString(
      o.accessToken,
      'accessToken',
      'omit it or pass a user access token',
    ),
    timeout: checkTimeout(o.timeout, 'timeout', 10_000),
    retry: resolveRetry(o.retry),
    fetch: input.fetch,
    headers: resolveHeaders(o.headers, appIdHeader, appId),
    hooks: input.hooks,
    logger: input.logger,
    throwOnApiError: checkBoolean(o.throwOnApiError, 'throwOnApiError', false),
    maxResponseBytes: checkInteger(o.maxResponseBytes, 'maxResponseBytes', 1, 2 ** 30, 1_048_576),
  }
}

function isAbortSignal(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    'aborted' in value &&
    typeof value.aborted === 'boolean' &&
    'addEventListener' in value &&
    typeof value.addEventListener === 'function'
  )
}

/**
 * Validates per-call options cheaply (no allocation on the common path).
 *
 * @param options - what the caller passed, or undefined
 */
export function checkRequestOptions(options: RequestOptions | undefined): void {
  if (options === undefined) return
  if (!isObject(options)) fail('options', 'pass an object such as { signal, timeout }')
  const { signal, timeout, throwOnApiError } = options
  if (signal !== undefined && !isAbortSignal(signal))
    fail('options.signal', 'must be an AbortSignal')
  if (timeout !== undefined) checkTimeout(timeout, 'options.timeout', 0)
  if (throwOnApiError !== undefined) checkBoolean(throwOnApiError, 'options.throwOnApiError', false)
}
