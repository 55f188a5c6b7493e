/**
 * Narrows parsed JSON to a plain object, so its fields can be read and checked one by one.
 *
 * @param value - anything, usually the result of `JSON.parse`
 * @returns whether it is a non-null, non-array object
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
