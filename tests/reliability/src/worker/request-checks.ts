import type { Fault } from '@authing-edge/emulator'
import { SECRETS } from '../support/secrets.ts'

/** The Worker's token route. */
export const TOKEN_PATH = '/v1/wechat/access-token'
/** The Worker's compare-and-invalidate route. */
export const INVALIDATE_PATH = '/v1/wechat/access-token/invalidate'

// The Worker's token answer, as the Worker's own tests check it.
export { TokenBodySchema } from '../../../../apps/wechat-token-worker/test/token-body.ts'

/** One request to the Worker and the answer it must get. */
export interface Check {
  readonly request: string
  readonly method: string
  readonly path: string
  readonly headers?: Readonly<Record<string, string>>
  /** Made per request: a stream can be sent once. */
  readonly body?: () => NonNullable<RequestInit['body']>
  readonly status: number
  /** The JSON error code, when the answer is an error. */
  readonly code?: string
  /** A header the answer must carry, e.g. `['allow', 'POST']`. */
  readonly header?: readonly [string, string]
}

const broker = SECRETS.brokerToken
const bearer = { authorization: `Bearer ${broker}` }
const KIB = 1024
const json = (value: unknown) => () => JSON.stringify(value)
const text = (value: string | Uint8Array) => () => value
const streamOf = (bytes: number) => () =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (let sent = 0; sent < bytes; sent += KIB) {
        controller.enqueue(new Uint8Array(KIB).fill(0x61))
      }
      controller.close()
    },
  })

/** GET the token with this Authorization header (or none): refused. */
const getAs = (request: string, authorization?: string): Check => ({
  request: `GET token, ${request}`,
  method: 'GET',
  path: TOKEN_PATH,
  ...(authorization === undefined ? {} : { headers: { authorization } }),
  status: 401,
  code: 'unauthorized',
})

/** POST this body to invalidate, as an authorized caller. */
const invalidate = (
  request: string,
  body: Check['body'],
  status: number,
  code?: string,
): Check => ({
  request: `POST invalidate, ${request}`,
  method: 'POST',
  path: INVALIDATE_PATH,
  headers: bearer,
  ...(body === undefined ? {} : { body }),
  status,
  ...(code === undefined ? {} : { code }),
})

/** Every check, refusals first, then controls that show the Worker is configured and serving. */
export const CHECKS: readonly Check[] = [
  { ...getAs('no Authorization'), header: ['www-authenticate', 'Bearer'] },
  getAs('wrong bearer token', 'Bearer not-the-broker-token-at-all'),
  getAs('the broker token minus its last character', `Bearer ${broker.slice(0, -1)}`),
  getAs('the broker token plus one character', `Bearer ${broker}x`),
  getAs('the broker token upper-cased', `Bearer ${broker.toUpperCase()}`),
  getAs('the broker token without "Bearer"', broker),
  getAs('Basic credentials holding the broker token', `Basic ${btoa(`svc:${broker}`)}`),
  getAs('"Bearer" with the token twice', `Bearer ${broker} ${broker}`),
  {
    ...getAs('broker token in the query string only'),
    path: `${TOKEN_PATH}?access_token=${encodeURIComponent(broker)}`,
  },
  { ...getAs('broker token in another header'), headers: { 'x-broker-token': broker } },
  {
    request: 'POST invalidate, no Authorization, 8 KiB body',
    method: 'POST',
    path: INVALIDATE_PATH,
    body: streamOf(8 * KIB),
    status: 401,
    code: 'unauthorized',
  },
  invalidate(
    '5 KiB JSON body (Content-Length)',
    json({ accessToken: 'a'.repeat(5 * KIB) }),
    413,
    'payload_too_large',
  ),
  invalidate(
    '64 KiB streamed body (no Content-Length)',
    streamOf(64 * KIB),
    413,
    'payload_too_large',
  ),
  invalidate('malformed JSON', text('{"accessToken":'), 400, 'malformed_json'),
  invalidate('empty body', text(''), 400, 'malformed_json'),
  invalidate(
    'invalid UTF-8',
    text(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
    400,
    'malformed_json',
  ),
  invalidate('a JSON array', json([broker]), 400, 'invalid_body'),
  invalidate('accessToken a number', json({ accessToken: 42 }), 400, 'invalid_body'),
  invalidate('accessToken empty', json({ accessToken: '' }), 400, 'invalid_body'),
  invalidate(
    '3000-character accessToken quoting the secrets',
    json({ accessToken: `${broker}${SECRETS.wechatAppSecret}`.repeat(40).slice(0, 3000) }),
    400,
    'invalid_body',
  ),
  {
    request: 'GET invalidate (wrong method)',
    method: 'GET',
    path: INVALIDATE_PATH,
    headers: bearer,
    status: 405,
    code: 'method_not_allowed',
    header: ['allow', 'POST'],
  },
  {
    request: 'POST token (wrong method)',
    method: 'POST',
    path: TOKEN_PATH,
    headers: bearer,
    body: text('{}'),
    status: 405,
    code: 'method_not_allowed',
    header: ['allow', 'GET'],
  },
  {
    request: 'DELETE /healthz (wrong method)',
    method: 'DELETE',
    path: '/healthz',
    status: 405,
    code: 'method_not_allowed',
  },
  {
    request: 'GET an unknown path holding the broker token',
    method: 'GET',
    path: `/v1/${encodeURIComponent(broker)}`,
    headers: bearer,
    status: 404,
    code: 'not_found',
  },
  {
    request: 'GET token with a trailing slash',
    method: 'GET',
    path: `${TOKEN_PATH}/`,
    headers: bearer,
    status: 404,
    code: 'not_found',
  },
  // Controls: the answers above are about the requests, not a Worker that cannot serve.
  {
    request: 'GET token, correct bearer token (control)',
    method: 'GET',
    path: TOKEN_PATH,
    headers: bearer,
    status: 200,
  },
  {
    request: 'GET token, lower-case "bearer" scheme (control)',
    method: 'GET',
    path: TOKEN_PATH,
    headers: { authorization: `bearer ${broker}` },
    status: 200,
  },
  invalidate(
    'a token that is not cached (control)',
    json({ accessToken: 'not-the-cached-token' }),
    200,
  ),
]

/** A transient upstream failure the Worker's client must retry (once it fails, then it works). */
export interface RetryCase {
  readonly request: string
  readonly fault: Fault
}

/**
 * Transient failures, each injected once into the Worker's first upstream request after an
 * invalidation. Every one is retried by the client on Node (see the fault matrix); these check
 * that it is on workerd too.
 */
export const RETRY_CASES: readonly RetryCase[] = [
  {
    request: 'GET token after invalidation, upstream HTTP 503 once',
    fault: { kind: 'http-error', status: 503 },
  },
  {
    request: 'GET token after invalidation, upstream 429 once (Retry-After: 0)',
    fault: { kind: 'rate-limit', retryAfter: 0 },
  },
  {
    request: 'GET token after invalidation, upstream connection reset once',
    fault: { kind: 'reset' },
  },
  {
    request: 'GET token after invalidation, upstream connection dropped mid-body once',
    fault: { kind: 'truncated', abort: true },
  },
]
