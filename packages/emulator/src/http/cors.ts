import type { CorsOptions } from '../emulator-options.js'

/** Request headers a browser client may send. */
export const CORS_ALLOWED_HEADERS = [
  'content-type',
  'x-authing-app-id',
  'x-genauth-app-id',
  'authorization',
  'x-authing-lang',
  'x-authing-request-from',
  'x-authing-sdk-version',
] as const

/** Response headers a browser client may read besides the safelisted ones. */
export const CORS_EXPOSED_HEADERS = ['retry-after', 'location', 'content-length'] as const

/**
 * Resolves the `cors` option.
 *
 * @param option - the option as given
 * @returns the allowed origin, or `undefined` when CORS is off
 */
export function resolveCorsOrigin(option: boolean | CorsOptions | undefined): string | undefined {
  if (option === undefined || option === false) return undefined
  return option === true ? '*' : (option.origin ?? '*')
}

/**
 * The answer to a CORS preflight.
 *
 * @param origin - the allowed origin
 * @returns HTTP 204 with the CORS headers
 */
export function preflightResponse(origin: string): Response {
  return new Response(null, {
    status: 204,
    headers: {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
      'access-control-allow-headers': CORS_ALLOWED_HEADERS.join(', '),
      'access-control-max-age': '600',
      vary: 'Origin',
    },
  })
}

/**
 * Adds CORS headers to a response. Every response the emulator builds comes from
 * `new Response(...)`, whose headers can be changed, so no copy is made.
 *
 * @param response - any response the emulator built
 * @param origin - the allowed origin
 * @returns the same response, now carrying `Access-Control-Allow-Origin`
 */
export function withCors(response: Response, origin: string): Response {
  const { headers } = response
  headers.set('access-control-allow-origin', origin)
  headers.set('access-control-expose-headers', CORS_EXPOSED_HEADERS.join(', '))
  headers.append('vary', 'Origin')
  return response
}
