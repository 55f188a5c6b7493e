import type { Hooks } from 'ky'
import type { Logger } from '../logger.js'

/**
 * A `fetch` implementation. authing-edge always calls it unbound (no `this`), which is what
 * Cloudflare Workers require.
 *
 * @param input - the request to send
 * @param init - extra options the runtime may understand (usually empty)
 * @returns the response
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>

/** The header that carries the Authing (or GenAuth) application id. */
export type AppIdHeader = 'x-authing-app-id' | 'x-genauth-app-id'

/**
 * When and how failed attempts are repeated. A request is retried after a network error, HTTP 408,
 * 429 or a 5xx (except 501 and 505, which a retry cannot change); this endpoint is safe to repeat,
 * so POST is retried. Delays grow exponentially from 300 ms with jitter, unless the server sends
 * `Retry-After` (seconds or an HTTP date), which is honoured up to `maxRetryAfter`.
 */
export interface RetryOptions {
  /**
   * How many times a failed attempt is repeated; `0` disables retries.
   * @default 2
   */
  limit?: number | undefined
  /**
   * The longest computed backoff between two attempts, in milliseconds.
   * @default 10000
   */
  backoffLimit?: number | undefined
  /**
   * The longest wait a server's `Retry-After` can impose, in milliseconds.
   * @default 60000
   */
  maxRetryAfter?: number | undefined
  /**
   * Whether an attempt that timed out is repeated (the server may have answered it already).
   * @default false
   */
  retryOnTimeout?: boolean | undefined
}

/**
 * Options of `AuthenticationClient`. Only `appId` and `appHost` are required.
 *
 * @example
 * ```ts
 * import { AuthenticationClient } from '@authing-edge/core'
 *
 * const client = new AuthenticationClient({
 *   appId: 'AUTHING_APP_ID',
 *   appHost: 'https://example.authing.cn',
 *   timeout: 5000,
 *   retry: { limit: 3 },
 * })
 * ```
 */
export interface AuthenticationClientOptions {
  /** The Authing (or GenAuth) application id, sent as `x-authing-app-id` (not the WeChat AppId). */
  appId: string
  /**
   * Your application domain: `example.authing.cn`, `https://example.authing.cn/` or a URL with a
   * path prefix. `https://` is assumed when no scheme is given; trailing slashes are ignored.
   */
  appHost: string
  /**
   * The Authing application secret. Accepted for compatibility with the official SDK; these calls
   * never send it, but it is scrubbed from every error and log line like the other secrets.
   */
  appSecret?: string | undefined
  /** A user access token, sent raw as `authorization`; change it later with `setAccessToken`. */
  accessToken?: string | undefined
  /**
   * Milliseconds each attempt may take, reading the response body included.
   * @default 10000
   */
  timeout?: number | undefined
  /**
   * Retry policy, or just the number of retries.
   * @default { limit: 2, backoffLimit: 10000, maxRetryAfter: 60000, retryOnTimeout: false }
   */
  retry?: RetryOptions | number | undefined
  /**
   * The `fetch` to use, called unbound with a `Request` that carries the headers and the body.
   * Without one, the global `fetch` is read at call time and given the URL and the JSON string
   * instead, which costs the runtime less than a `Request` whose body is a stream.
   * @default globalThis.fetch
   */
  fetch?: FetchLike | undefined
  /**
   * Extra headers sent with every request. They cannot replace `content-type` or the app id
   * header.
   */
  headers?: Readonly<Record<string, string>> | undefined
  /**
   * ky 1 hooks, run alongside authing-edge's own (see the ky documentation), on every attempt:
   * `beforeRequest(request, options, state)`, `afterResponse(request, options, response, state)`,
   * `beforeRetry({ request, options, error, retryCount })`, `beforeError(error, state)`; any other
   * name is a `ConfigError`. Once any hook is set, every attempt sends ky's `Request` as the hooks
   * left it, headers and body included. An error a hook throws ends the call, without a retry.
   *
   * @example
   * ```ts
   * const client = new AuthenticationClient({
   *   appId: 'AUTHING_APP_ID',
   *   appHost: 'example.authing.cn',
   *   hooks: { beforeRequest: [(request) => void request.headers.set('x-trace', 'job-42')] },
   * })
   * ```
   */
  hooks?: Hooks | undefined
  /** Where retries are reported. Nothing logged ever contains a secret. */
  logger?: Logger | undefined
  /**
   * Whether a business error (`statusCode` other than 200) throws `AuthingApiError` instead of
   * being returned like the official SDK does.
   * @default false
   */
  throwOnApiError?: boolean | undefined
  /**
   * Which header carries `appId`.
   * @default 'x-genauth-app-id' for hosts under genauth.ai, else 'x-authing-app-id'
   */
  appIdHeader?: AppIdHeader | undefined
  /**
   * Allow construction in a browser, where the WeChat appSecret would be visible to every visitor.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined
  /**
   * Allow a plain `http://` appHost that is not loopback; the appSecret would travel unencrypted.
   * @default false
   */
  allowInsecureHttp?: boolean | undefined
  /**
   * The largest response body read, in bytes; a larger one is refused without being buffered.
   * @default 1048576
   */
  maxResponseBytes?: number | undefined
}

/** Options of one call; they override the client's for that call only. */
export interface RequestOptions {
  /** Aborts the call, an attempt in flight or a retry backoff; it rejects with the signal's reason. */
  signal?: AbortSignal | undefined
  /** Milliseconds each attempt of this call may take. */
  timeout?: number | undefined
  /** Whether a business error throws `AuthingApiError` for this call. */
  throwOnApiError?: boolean | undefined
}

/**
 * Options of one call that throws `AuthingApiError` on a business error, so that it resolves
 * only with the success envelope.
 */
export interface ThrowOnApiErrorOptions extends RequestOptions {
  throwOnApiError: true
}
