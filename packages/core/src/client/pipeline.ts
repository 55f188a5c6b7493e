import ky, {
  type BeforeRetryState,
  type Hooks,
  HTTPError,
  type KyInstance,
  TimeoutError as KyTimeoutError,
} from 'ky'
import type { Logger } from '../logger.js'
import { createBufferedFetch } from './buffered-fetch.js'
import { guardHooks } from './hook-guard.js'
import type { ResolvedOptions } from './resolve-options.js'
import { RETRY_STATUS_CODES, shouldRetry } from './retry-policy.js'

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
    const reason =
      error instanceof HTTPError
        ? `HTTP ${error.response.status}`
        : error instanceof KyTimeoutError
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

/** The user's hooks as ky runs them, with authing-edge's own joined in. */
function hooksFor(options: ResolvedOptions): Hooks | undefined {
  const { logger } = options
  let hooks = options.hooks && guardHooks(options.hooks)
  if (logger?.debug !== undefined) {
    hooks = { ...hooks, beforeRetry: [retryLogger(logger), ...(hooks?.beforeRetry ?? [])] }
  }
  return hooks
}

/**
 * Builds the ky instance and the state shared by every call of one client. Nothing here runs per
 * call: ky gets its defaults once, and each call passes only its body, headers and what differs.
 *
 * @param options - validated client options
 * @returns the pipeline
 */
export function createPipeline(options: ResolvedOptions): Pipeline {
  const { retry } = options
  const hooks = hooksFor(options)
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
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: RETRY_STATUS_CODES,
      // Equal jitter: between half and all of the computed backoff, so delays still grow.
      jitter: (delay) => delay / 2 + Math.random() * (delay / 2),
      shouldRetry,
    },
  })
  return { ...options, ky: instance, direct: !(options.fetch || options.hooks) }
}
