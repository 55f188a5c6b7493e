import {
  type GetWechatAccessTokenDto,
  SUCCESS_STATUS_CODE,
  type WechatAccessTokenEnvelope,
} from '@authing-edge/types'
import type { Options } from 'ky'
import { bodyOf } from './body-of.js'
import type { BufferedBody } from './buffered-fetch.js'
import { createDirectFetch } from './direct-fetch.js'
import { createReplayFetch, sendFirstAttempt } from './first-attempt.js'
import type { RequestOptions } from './options.js'
import { parseEnvelope } from './parse-envelope.js'
import type { Pipeline } from './pipeline.js'
import { checkRequestOptions, fail, requireString } from './resolve-options.js'
import {
  apiErrorFrom,
  errorFromResponse,
  type FailureContext,
  toAuthingError,
} from './to-authing-error.js'

/**
 * The two endpoints: the current one and the deprecated one the legacy package calls.
 *
 * @internal
 */
export type WechatAccessTokenPath =
  | '/api/v3/get-wechat-access-token-info'
  | '/api/v3/get-wechat-access-token'

/** Checks the dto (naming the field at fault, never its value) and serialises it as given. */
function serializeDto(dto: GetWechatAccessTokenDto): string {
  if (typeof dto !== 'object' || dto === null) {
    fail('dto', 'pass { appId, appSecret }: the WeChat AppId and AppSecret')
  }
  requireString(dto.appId, 'dto.appId')
  requireString(dto.appSecret, 'dto.appSecret')
  try {
    return JSON.stringify(dto)
  } catch {
    return fail('dto', 'must be serialisable as JSON')
  }
}

/**
 * Sends one WeChat access-token request through a client's pipeline and returns the validated
 * envelope, as received. Validation of the dto and options happens before anything is sent.
 *
 * @param pipeline - the client's pipeline
 * @param path - which endpoint
 * @param dto - WeChat credentials, sent as given
 * @param options - per-call signal, timeout and throwOnApiError
 * @returns the envelope, also when `statusCode` is not 200 unless throwOnApiError
 */
export async function sendWechatAccessTokenRequest(
  pipeline: Pipeline,
  path: WechatAccessTokenPath,
  dto: GetWechatAccessTokenDto,
  options: RequestOptions = {},
): Promise<WechatAccessTokenEnvelope> {
  const body = serializeDto(dto)
  checkRequestOptions(options)
  const { signal, timeout } = options
  signal?.throwIfAborted()
  const token = pipeline.accessToken
  const url = pipeline.appHost + path
  const headers = token ? { ...pipeline.headers, authorization: token } : pipeline.headers
  const attemptTimeout = timeout ?? pipeline.timeout
  const { maxResponseBytes } = pipeline
  const context: FailureContext = {
    request: { method: 'POST', url },
    secrets: [dto.appSecret, token, pipeline.appSecret],
    timeout: attemptTimeout,
    signal,
    maxResponseBytes,
  }
  let init: Options
  if (pipeline.direct) {
    const first = await sendFirstAttempt(
      url,
      body,
      headers,
      attemptTimeout,
      signal,
      maxResponseBytes,
    )
    if ('response' in first && first.response.ok) {
      return finish(first.response, first.body, options, pipeline, context)
    }
    // A caller's abort rejects with its reason, as everywhere else.
    signal?.throwIfAborted()
    // ky takes over for what follows, with this attempt as its first. ky's Request carries
    // neither body nor headers: the per-call fetch sends them.
    const next = createDirectFetch(url, body, headers, maxResponseBytes)
    init = { fetch: createReplayFetch(first, next) }
  } else {
    // The ky instance has no headers of its own: every header of the call goes with it.
    init = { body, headers }
  }
  if (signal !== undefined) init.signal = signal
  if (timeout !== undefined) init.timeout = timeout
  let response: Response
  let buffered: BufferedBody
  try {
    response = await pipeline.ky(url, init)
    buffered = await bodyOf(response, context)
  } catch (error) {
    throw await toAuthingError(error, context)
  }
  // ky skips its status check for a response a beforeRetry hook returns.
  if (!response.ok) throw errorFromResponse(response, buffered, context)
  return finish(response, buffered, options, pipeline, context)
}

/** Validates the envelope and applies throwOnApiError. */
function finish(
  response: Response,
  buffered: BufferedBody,
  options: RequestOptions,
  pipeline: Pipeline,
  context: FailureContext,
): WechatAccessTokenEnvelope {
  const envelope = parseEnvelope(buffered, response, context)
  if (
    envelope.statusCode !== SUCCESS_STATUS_CODE &&
    (options.throwOnApiError ?? pipeline.throwOnApiError)
  ) {
    throw apiErrorFrom(envelope, response.status, context)
  }
  return envelope
}
