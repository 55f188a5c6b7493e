let decoder: InstanceType<typeof TextDecoder> | undefined

/**
 * Decodes UTF-8 bytes; malformed sequences become U+FFFD rather than throwing. The decoder is
 * created on first use, not at module load.
 *
 * @param bytes - a response body
 * @returns its text
 */
export function decodeUtf8(bytes: Uint8Array): string {
  decoder ??= new TextDecoder()
  return decoder.decode(bytes)
}

/**
 * Parses JSON without throwing.
 *
 * @param text - a response body
 * @returns the parsed value, or `undefined` when the text is not JSON
 */
export function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Whether a parsed JSON value is an object (not an array, not null).
 *
 * @param value - a parsed JSON value
 * @returns true for a JSON object
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
