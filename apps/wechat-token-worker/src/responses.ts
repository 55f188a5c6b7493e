/** Headers on every answer: nothing here may be cached or sniffed. */
const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const

/** Stable, machine-readable error codes of the Worker's JSON errors. */
export type ErrorCode =
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'malformed_json'
  | 'invalid_body'
  | 'config_missing'
  | 'config_invalid'
  | 'upstream_failed'
  | 'internal_error'

/** The body of every error: `{ "error": { code, message, ...details } }`. */
export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode
    readonly message: string
    readonly [detail: string]: unknown
  }
}

/**
 * A JSON response with `Cache-Control: no-store`.
 *
 * @param body - any JSON-serialisable value
 * @param status - the HTTP status
 * @default status 200
 * @param headers - extra headers
 * @returns the response
 */
export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const merged = new Headers(BASE_HEADERS)
  for (const [name, value] of new Headers(headers)) merged.set(name, value)
  return new Response(JSON.stringify(body), { status, headers: merged })
}

/**
 * A JSON error response. The message and details must never contain a secret.
 *
 * @param status - the HTTP status
 * @param code - the machine-readable code
 * @param message - what went wrong, for a human
 * @param details - extra fields merged into `error`, e.g. `{ requestId }`
 * @param headers - extra headers, e.g. `Allow`
 * @returns the response
 * @example
 * ```ts
 * return errorResponse(404, 'not_found', 'No route for GET /nope')
 * ```
 */
export function errorResponse(
  status: number,
  code: ErrorCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
  headers: HeadersInit = {},
): Response {
  const body: ErrorBody = { error: { ...details, code, message } }
  return json(body, status, headers)
}
