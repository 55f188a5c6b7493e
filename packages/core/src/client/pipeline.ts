import ky, { type BeforeRetryState, isHTTPError, isTimeoutError, type KyInstance } from 'ky'
import type { Logger } from '../logger.js'
import { createBufferedFetch, isFetchFailure } from './buffered-fetch.js'
import type { ResolvedOptions } from './resolve-options.js'

/** The client state every call reads; built once per client. */
export interface Pipeline extends ResolvedOptions {
  /** The ky instance: retry policy, timeout, redirect handling and hooks preset. */
  readonly ky: KyInstance
  /**
   * Whether calls take the direct path: no `fetch` is injected and no user hook is set, so
   * nothing but authing-edge sees a request. The first attempt is then sent without ky (see
   * `sendFirstAttempt`), and ky only takes over when it does not end in a 2xx, with later attempts
   * sent by `createDirectFetch`. Otherwise every call goes through ky, and ky's `Request` carries
   * the headers and the body and is what fetch and the hooks get.
   */
  readonly direct: boolean
  /** The user access token; `setAccessToken` changes it. */
  accessToken: string | undefined
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
 * call: ky gets its defaults once, and each call passes only its body, headers and what differs.
 *
 * @param options - validated client options
 * @returns the pipeline
 */
export function createPipeline(options: ResolvedOptions): Pipeline {
  const { retry, logger } = options
  // HTTP statuses worth another attempt: 408, 429 and every 5xx except 501 and 505.
  const statusCodes = [408, 429]
  for (let status = 500; status < 600; status++) {
    if (status !== 501 && status !== 505) statusCodes.push(status)
  }
  // The user's hooks, if any (see ResolvedOptions.hooks); ours join them.
  let { hooks } = options
  if (logger?.debug !== undefined) {
    hooks = { ...hooks, beforeRetry: [retryLogger(logger), ...(hooks?.beforeRetry ?? [])] }
  }
  // No default headers: each call passes them, to ky or straight to fetch on the direct path.
  const instance = ky.create({
    method: 'post',
    timeout: options.timeout,
    redirect: 'manual',
    // The Request path; the direct path passes its own fetch with each call.
    // Responses are copied when user hooks may read them again.
    fetch: createBufferedFetch(options.fetch, options.maxResponseBytes, !!options.hooks),
    // Without hooks, ky skips merging hook lists on every call.
    ...(hooks && { hooks }),
    retry: {
      ...retry,
      methods: ['post'],
      statusCodes,
      afterStatusCodes: statusCodes,
      // Equal jitter: between half and all of the computed backoff, so delays still grow.
      jitter: (delay) => delay / 2 + Math.random() * (delay / 2),
      // ky retries whatever an attempt throws; only a network failure is worth it, besides the
      // statuses above and (with retryOnTimeout) a timeout. A hook's own error is final.
      shouldRetry: ({ error }) =>
        isHTTPError(error) || isTimeoutError(error) || isFetchFailure(error) ? undefined : false,
    },
  })
  return { ...options, ky: instance, direct: !(options.fetch || options.hooks) }
}
