/**
 * Whether a value is a plain record: an object that is neither `null` nor an array. Used for
 * options and for parsed JSON bodies.
 *
 * @param value - anything
 * @returns true for an object that is not an array
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
