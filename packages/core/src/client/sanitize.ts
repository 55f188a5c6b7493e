/**
 * Scrubs known secrets from a string and bounds its length. Built only on error paths.
 *
 * @param text - any string about to go into an error or a log line
 * @param maxChars - the longest result, in UTF-16 code units, before the ellipsis
 * @returns the text with every secret replaced by `[REDACTED]`, cut to `maxChars`
 */
export type Sanitize = (text: string, maxChars?: number) => string

/**
 * The shortest partial secret dropped at the end of a cut text. Shorter endings are too likely to
 * be ordinary text that happens to share a secret's first characters (and reveal almost nothing).
 */
const MIN_PARTIAL = 4

/** A string as it appears inside a JSON string literal, without the quotes. */
function escapeJson(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

/**
 * Creates a {@link Sanitize} function for a set of secrets. Each secret is looked for in the forms
 * a server can echo it in: as sent, JSON-escaped (inside a JSON body), percent-encoded (inside a
 * URL or a form), and those two applied to the JSON-escaped form, longest first so that overlapping forms are all caught. Secrets are replaced in
 * the whole text first and the text is cut afterwards; a cut that ends inside a secret (one that was
 * only partly present, e.g. in a truncated body) drops that partial secret too.
 *
 * @param secrets - the WeChat appSecret, the user access token, the Authing app secret; missing
 *   ones are ignored
 * @returns a function that scrubs and bounds strings
 */
export function createSanitizer(secrets: readonly (string | undefined)[]): Sanitize {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (!secret) continue
    const json = escapeJson(secret)
    // A server may also quote the JSON body it got inside its own JSON, or URL-encode it: those
    // second encodings of a secret holding `"` or `\` differ from every single one.
    const encodings = [
      secret,
      json,
      escapeJson(json),
      encodeURIComponent(secret),
      encodeURIComponent(json),
    ]
    for (const form of encodings) forms.add(form)
  }
  const variants = [...forms].sort((a, b) => b.length - a.length)
  return (text, maxChars = 300) => {
    let out = text
    for (const variant of variants) out = out.replaceAll(variant, '[REDACTED]')
    const cut = out.length > maxChars
    if (cut) out = out.slice(0, maxChars)
    // Drop what is left of a secret that the cut (or the end of a truncated body) went through.
    for (const variant of variants) {
      for (let k = Math.min(variant.length - 1, out.length); k >= MIN_PARTIAL; k--) {
        if (out.endsWith(variant.slice(0, k))) {
          out = out.slice(0, -k)
          break
        }
      }
    }
    return cut ? `${out}…` : out
  }
}

/**
 * Copies an error chain (`name`, `message`, `code`, `stack`, `cause`, three levels deep) with every
 * string sanitised, so a low-level error can be kept as `cause` without carrying a request, its
 * headers, its body or a secret echoed in a message.
 *
 * @param value - the low-level error (never a ky error: pass its `cause`)
 * @param sanitize - the scrubber for the request's secrets
 * @param depth - how many more `cause` levels to copy
 * @returns a plain `Error` copy, or `undefined` when `value` is not error-like
 */
export function sanitizeCause(value: unknown, sanitize: Sanitize, depth = 3): Error | undefined {
  if (typeof value === 'string') return new Error(sanitize(value))
  if (typeof value !== 'object' || value === null) return undefined
  const { name, message, code, stack, cause } = value as Record<string, unknown>
  const inner = depth > 1 ? sanitizeCause(cause, sanitize, depth - 1) : undefined
  const copy = new Error(
    typeof message === 'string' ? sanitize(message) : '',
    inner && { cause: inner },
  )
  if (typeof name === 'string') copy.name = sanitize(name, 100)
  if (typeof code === 'string' || typeof code === 'number') {
    Object.assign(copy, { code: typeof code === 'string' ? sanitize(code, 100) : code })
  }
  copy.stack = typeof stack === 'string' ? sanitize(stack, 4000) : `${copy.name}: ${copy.message}`
  return copy
}
