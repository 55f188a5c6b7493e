import { ExpiresAtMsSchema } from '@authing-edge/types'
import { safeParse } from 'valibot'
import { ResponseValidationError } from '../errors/response-validation-error.js'

/**
 * Converts an `expiresAt` as the server sends it (a number or a numeric string, in seconds or,
 * from 1e12 up, in milliseconds) into epoch milliseconds.
 *
 * @param value - `data.expiresAt` from a response
 * @returns epoch milliseconds
 * @throws {@link ResponseValidationError} (path `expiresAt`) for anything else
 *
 * @example
 * ```ts
 * import { normalizeExpiresAt } from '@authing-edge/core'
 *
 * normalizeExpiresAt('1700000000') // 1700000000000
 * normalizeExpiresAt(1_700_000_000_123) // 1700000000123
 * ```
 */
export function normalizeExpiresAt(value: unknown): number {
  const result = safeParse(ExpiresAtMsSchema, value)
  if (result.success) return result.output
  throw new ResponseValidationError(
    result.issues.slice(0, 1).map((issue) => ({ path: 'expiresAt', message: issue.message })),
  )
}
