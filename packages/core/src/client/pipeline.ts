import ky, { type BeforeRetryState, isHTTPError, isTimeoutError, type KyInstance } from 'ky'
import type { Logger } from '../logger.js'
import { createBufferedFetch } from './buffered-fetch.js'
import type { ResolvedOptions } from './resolve-options.js'

/** The client state every call reads; built once per client. */
export interface Pipeline extends ResolvedOptions {
  /** The ky instance: headers, retry policy, timeout, redirect handling and hooks preset. */
  readonly ky: KyInstance
  /** The user access token; `setAccessToken` changes it. */
  accessToken: string | undefined
}

/** HTTP statuses worth another attempt: 408, 429 and every 5xx except 501 and 505. */
function retryStatusCodes(): number[] {
  const codes = [408, 429]
  for (let status = 500; status < 600; status++) {
    if (status !== 501 && status !== 505) codes.push(status)
  }
  return codes
}

function retryLogger(logger: Logger): (state: BeforeRetryState) => void {
  return ({ request, error, retryCount }) => {
    const reason = isHTTPError(error)
      ? `HTTP ${error.response.status}`
      : isTimeoutError(error)
        ? 'timeout'
        : 'network error'
    try {
      logger.debug?.('authing-edge: retrying request', {
        method: request.method,
        url: request.url,
        retry: retryCount,
        reason,
      })
    } catch {
      // A failing logger must not fail the request it reports on.
    }
  }
}

/**
 * Builds the ky instance and the state shared by every call of one client. Nothing here runs per
 * call: ky gets its defaults once, and each call passes only its body and what differs.
 *
 * @param options - validated client options
 * @returns the pipeline
 */
export function createPipeline(options: ResolvedOptions): Pipeline {
  const { retry, logger } = options
  const statusCodes = retryStatusCodes()
  let { hooks } = options
  if (logger?.debug !== undefined) {
    hooks = { ...hooks, beforeRetry: [retryLogger(logger), ...(hooks?.beforeRetry ?? [])] }
  }
  const instance = ky.create({
    method: 'post',
    headers: options.headers,
    timeout: options.timeout,
    redirect: 'manual',
    fetch: createBufferedFetch(options.fetch, options.maxResponseBytes),
    // Without hooks, ky skips merging hook lists on every call.
    ...(hooks && { hooks }),
    retry: {
      ...retry,
      methods: ['post'],
      statusCodes,
      afterStatusCodes: statusCodes,
      // Equal jitter: between half and all of the computed backoff, so delays still grow.
      jitter: (delay) => delay / 2 + Math.random() * (delay / 2),
    },
  })
  return { ...options, ky: instance }
}
