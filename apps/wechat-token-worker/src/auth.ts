const encoder = new TextEncoder()

/** `Bearer <token>`, case-insensitive scheme, one token of visible characters. */
const BEARER = /^Bearer +(\S+) *$/i

/**
 * The token of an `Authorization: Bearer <token>` header.
 *
 * @param headers - the request's headers
 * @returns the token, or `undefined` when the header is missing or not a Bearer header
 */
export function readBearerToken(headers: Headers): string | undefined {
  const header = headers.get('authorization')
  if (header === null) return undefined
  return BEARER.exec(header)?.[1]
}

/**
 * Whether the request carries `Authorization: Bearer <expected>`. Both sides are hashed with
 * SHA-256 first and the digests compared with workerd's `crypto.subtle.timingSafeEqual`, so the
 * time taken says nothing about how much of the token, or its length, a caller guessed right.
 *
 * @param headers - the request's headers
 * @param expected - the configured `BROKER_TOKEN`
 * @returns true only for an exact match
 * @example
 * ```ts
 * if (!(await isAuthorized(request.headers, config.brokerToken))) return unauthorized()
 * ```
 */
export async function isAuthorized(headers: Headers, expected: string): Promise<boolean> {
  const presented = readBearerToken(headers)
  // Hash even when nothing was presented, so every rejection costs the same.
  const [given, wanted] = await Promise.all([
    crypto.subtle.digest('SHA-256', encoder.encode(presented ?? '')),
    crypto.subtle.digest('SHA-256', encoder.encode(expected)),
  ])
  const equal = crypto.subtle.timingSafeEqual(given, wanted)
  return equal && presented !== undefined
}
