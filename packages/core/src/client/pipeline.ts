import ky, {
  type BeforeRetryState,
  type Hooks,
  isHTTPError,
  isTimeoutError,
  type KyInstance,
} from 'ky'
import type { Logger } from '../logger.js'
import { createBufferedFetch } from './buffered-fetch.js'
import type { ResolvedOptions } from './resolve-options.js'

/** HTTP statuses worth another attempt: 408, 429 and every 5xx except 501 and 505. */
function retryStatusCodes(): number[] {
  const codes = [408, 429]
  for (let status = 500; status < 600; status++) {
    if (status !== 501 && status !== 505) codes.push(status)
  }
  return codes
}

/** Equal jitter: between half and all of the computed backoff, so delays still grow. */
function equalJitter(delay: number): number {
  return delay / 2 + Math.random() * (delay / 2)
}

function describeRetryReason(error: Error): string {
  if (isHTTPError(error)) return `HTTP ${error.response.status}`
  if (isTimeoutError(error)) return 'timeout'
  return 'network error'
}

function retryLogger(logger: Logger): (state: BeforeRetryState) => void {
  return ({ request, error, retryCount }) => {
    try {
      logger.debug?.('authing-edge: retrying request', {
        method: request.method,
        url: request.url,
        retry: retryCount,
        reason: describeRetryReason(error),
      })
    } catch {
      // A failing logger must not fail the request it reports on.
    }
  }
}

/** The parts of a client a request needs; built once per client. */
export interface Pipeline {
  /** The ky instance: headers, retry policy, timeout, redirect handling and hooks preset. */
  readonly ky: KyInstance
  readonly appHost: string
  readonly timeout: number
  readonly throwOnApiError: boolean
  readonly maxResponseBytes: number
  /** The Authing app secret, kept only to scrub it from errors. */
  readonly appSecret: string | undefined
  /** The user access token; `setAccessToken` changes it. */
  accessToken: string | undefined
}

function mergeHooks(user: Hooks | undefined, logger: Logger | undefined): Hooks | undefined {
  if (logger?.debug === undefined) return user
  return { ...user, beforeRetry: [retryLogger(logger), ...(user?.beforeRetry ?? [])] }
}

/**
 * Builds the ky instance and the state shared by every call of one client. Nothing here runs per
 * call: ky gets its defaults once, and each call passes only its body and what differs.
 *
 * @param options - validated client options
 * @returns the pipeline
 */
export function createPipeline(options: ResolvedOptions): Pipeline {
  const { retry } = options
  const hooks = mergeHooks(options.hooks, options.logger)
  const statusCodes = retryStatusCodes()
  const instance = ky.create({
    method: 'post',
    headers: options.headers,
    timeout: options.timeout,
    redirect: 'manual',
    throwHttpErrors: true,
    fetch: createBufferedFetch(options.fetch, options.maxResponseBytes),
    retry: {
      limit: retry.limit,
      methods: ['post'],
      statusCodes,
      afterStatusCodes: statusCodes,
      maxRetryAfter: retry.maxRetryAfter,
      backoffLimit: retry.backoffLimit,
      jitter: equalJitter,
      retryOnTimeout: retry.retryOnTimeout,
    },
    ...(hooks === undefined ? {} : { hooks }),
  })
  return {
    ky: instance,
    appHost: options.appHost,
    timeout: options.timeout,
    throwOnApiError: options.throwOnApiError,
    maxResponseBytes: options.maxResponseBytes,
    appSecret: options.appSecret,
    accessToken: options.accessToken,
  }
}
