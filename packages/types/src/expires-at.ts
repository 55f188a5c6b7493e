import { check, custom, type InferOutput, pipe, transform } from 'valibot'

// Every valibot call below is marked pure: esbuild does not follow valibot's own
// `@__NO_SIDE_EFFECTS__` annotations across modules (evanw/esbuild#4369), so without the marks an
// app would bundle every schema of this package whether it uses it or not.

/** Values at or above this are taken as epoch milliseconds, below it as epoch seconds. */
export const EXPIRES_AT_MS_THRESHOLD = 1e12

/** The latest instant a JavaScript `Date` can hold, in epoch milliseconds. */
const MAX_EPOCH_MS = 8.64e15

const NUMERIC_STRING = /^\d{1,16}(?:\.\d{1,9})?$/

/** A non-negative finite number, or a string of digits with an optional fraction. */
function isExpiresAt(value: unknown): value is number | string {
  return typeof value === 'number'
    ? Number.isFinite(value) && value >= 0
    : typeof value === 'string' && NUMERIC_STRING.test(value)
}

/**
 * `expiresAt` as the upstream sends it: a non-negative finite number or a numeric string.
 * The OpenAPI schema says "a string timestamp in seconds", its example is the number `0`, and
 * the official SDKs have shipped both; the value is kept exactly as received.
 */
export const ExpiresAtSchema = /* @__PURE__ */ custom<number | string>(isExpiresAt, (issue) =>
  typeof issue.input === 'string'
    ? 'expiresAt must be a numeric string such as "1700000000"'
    : 'expiresAt must be a non-negative number or a numeric string (a timestamp in seconds or milliseconds)',
)

/** `expiresAt` as received: a number or a numeric string. */
export type ExpiresAt = InferOutput<typeof ExpiresAtSchema>

/**
 * Converts an already validated `expiresAt` into epoch milliseconds: values below 1e12 are
 * seconds, values at or above it are milliseconds. Fractions of a millisecond are dropped.
 *
 * @param value - a value that passed {@link ExpiresAtSchema}
 * @returns epoch milliseconds
 */
export function expiresAtToEpochMs(value: ExpiresAt): number {
  const n = typeof value === 'number' ? value : Number(value)
  return Math.floor(n < EXPIRES_AT_MS_THRESHOLD ? n * 1000 : n)
}

/**
 * `expiresAt` validated and normalised to epoch milliseconds in one step. Rejects values that
 * do not fit in a `Date`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { ExpiresAtMsSchema } from '@authing-edge/types'
 *
 * v.parse(ExpiresAtMsSchema, '1700000000') // 1700000000000
 * ```
 */
export const ExpiresAtMsSchema = /* @__PURE__ */ pipe(
  ExpiresAtSchema,
  /* @__PURE__ */ transform(expiresAtToEpochMs),
  /* @__PURE__ */ check(
    (ms) => ms <= MAX_EPOCH_MS,
    'expiresAt is beyond the largest date JavaScript can represent',
  ),
)
