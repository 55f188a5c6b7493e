/**
 * An independent statement of which response bodies the client must accept, written from the
 * upstream contract (spec section 1), not from the implementation's schemas:
 *
 * - the body is a JSON object;
 * - `statusCode` 200 (success): `message` a string, `data` an object with a non-empty string
 *   `accessToken` and an `expiresAt` that is a finite non-negative number or a non-negative
 *   decimal numeral in a string;
 * - any other integer `statusCode` (business error): `message` a string, `data` anything;
 * - in both, `apiCode` absent or a number, `requestId` absent or a string, other keys ignored.
 *
 * Decimal numerals of unbounded length are a design choice of the implementation (it caps the
 * digits), so such strings are `undecided` here and the properties only check that an
 * accepted one is at least a numeral.
 */
export type Verdict = 'valid' | 'invalid' | 'undecided'

/** A numeral the contract certainly accepts: up to 16 integer and 9 fraction digits. */
const SHORT_DECIMAL = /^[0-9]{1,16}(?:\.[0-9]{1,9})?$/
/** Any non-negative decimal numeral. */
const ANY_DECIMAL = /^[0-9]+(?:\.[0-9]+)?$/

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * @param value - `data.expiresAt` as parsed from JSON
 * @returns whether the contract accepts it
 */
export function judgeExpiresAt(value: unknown): Verdict {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? 'valid' : 'invalid'
  if (typeof value !== 'string') return 'invalid'
  if (SHORT_DECIMAL.test(value)) return 'valid'
  return ANY_DECIMAL.test(value) ? 'undecided' : 'invalid'
}

function judgeCommon(envelope: Record<string, unknown>): boolean {
  if (typeof envelope.message !== 'string') return false
  if ('apiCode' in envelope && typeof envelope.apiCode !== 'number') return false
  if ('requestId' in envelope && typeof envelope.requestId !== 'string') return false
  return true
}

/**
 * @param json - a parsed response body
 * @returns whether the contract accepts it as an envelope
 */
export function judgeEnvelope(json: unknown): Verdict {
  if (!isObject(json) || !judgeCommon(json)) return 'invalid'
  const { statusCode, data } = json
  if (statusCode === 200) {
    if (!isObject(data)) return 'invalid'
    if (typeof data.accessToken !== 'string' || data.accessToken === '') return 'invalid'
    return judgeExpiresAt(data.expiresAt)
  }
  return typeof statusCode === 'number' && Number.isInteger(statusCode) ? 'valid' : 'invalid'
}
