/** A request body as the emulator understood it. */
export type ParsedBody =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'malformed'; readonly text: string }
  | { readonly kind: 'ignored'; readonly text: string }

/**
 * Parses a body like an Express `json()` middleware: only a JSON content type is parsed; an
 * empty JSON body is `{}`; any other content type leaves the body unparsed and ignored.
 *
 * @param text - the raw body
 * @param contentType - the `content-type` header, if any
 * @returns the parsed body
 */
export function parseBody(text: string, contentType: string | null): ParsedBody {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? ''
  const isJson = mediaType === 'application/json' || mediaType.endsWith('+json')
  if (!isJson) return { kind: 'ignored', text }
  if (text.trim() === '') return { kind: 'json', value: {} }
  try {
    return { kind: 'json', value: JSON.parse(text) }
  } catch {
    return { kind: 'malformed', text }
  }
}
