/**
 * A short, stable fingerprint of an access token for events and logs: 8 hex digits of the
 * 32-bit FNV-1a hash of the token's UTF-16 code units.
 *
 * It lets two processes, or a log line and an event, tell whether they hold the same token,
 * while 32 bits cannot give back a token of 100+ characters. It is not a MAC: never use it to
 * authenticate anything.
 *
 * @param token - the access token
 * @returns 8 lowercase hex digits, e.g. `"1f3a9c0b"`
 *
 * @example
 * ```ts
 * import { tokenFingerprint } from '@authing-edge/core'
 *
 * tokenFingerprint('ACCESS_TOKEN') // the same 8 hex digits in every process
 * ```
 */
export function tokenFingerprint(token: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < token.length; i++) {
    hash ^= token.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}
