/** The text that replaces a secret wherever one is found. */
export const REDACTED = '[REDACTED]'

/**
 * Scrubs known secrets from a string and bounds its length. Built only on error paths.
 *
 * @param text - any string about to go into an error or a log line
 * @param maxChars - the longest result, in UTF-16 code units, before the ellipsis
 * @returns the text with every secret replaced by `[REDACTED]`, cut to `maxChars`
 */
export type Sanitize = (text: string, maxChars?: number) => string

/** Default bound of a sanitised string. */
const DEFAULT_MAX_CHARS = 300
/**
 * The shortest partial secret dropped at the end of a cut text. Shorter endings are too likely to
 * be ordinary text that happens to share a secret's first characters (and reveal almost nothing).
 */
const MIN_PARTIAL = 4

/**
 * The forms a secret can take in text a server echoes back: as sent, JSON-escaped (inside a JSON
 * body) and percent-encoded (inside a URL or a form), longest first so that overlapping forms are
 * all caught.
 */
function variantsOf(secrets: readonly (string | undefined)[]): string[] {
  const variants = new Set<string>()
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret === '') continue
    variants.add(secret)
    variants.add(JSON.stringify(secret).slice(1, -1))
    variants.add(encodeURIComponent(secret))
  }
  return [...variants].sort((a, b) => b.length - a.length)
}

/**
 * Creates a {@link Sanitize} function for a set of secrets. Secrets are replaced in the whole text
 * first and the text is cut afterwards; a cut that ends inside a secret (one that was only partly
 * present, e.g. in a truncated body) drops that partial secret too.
 *
 * @param secrets - the WeChat appSecret, the user access token, the Authing app secret; missing
 *   ones are ignored
 * @returns a function that scrubs and bounds strings
 */
export function createSanitizer(secrets: readonly (string | undefined)[]): Sanitize {
  const variants = variantsOf(secrets)
  return (text, maxChars = DEFAULT_MAX_CHARS) => {
    let out = text
    for (const variant of variants) out = out.replaceAll(variant, REDACTED)
    if (out.length <= maxChars) return dropPartialSecretAtEnd(out, variants)
    return `${dropPartialSecretAtEnd(out.slice(0, maxChars), variants)}…`
  }
}

/** Removes a trailing prefix of any secret: what is left of a secret that a cut went through. */
function dropPartialSecretAtEnd(text: string, variants: readonly string[]): string {
  let out = text
  for (const variant of variants) {
    for (let k = Math.min(variant.length - 1, out.length); k >= MIN_PARTIAL; k--) {
      if (out.endsWith(variant.slice(0, k))) {
        out = out.slice(0, -k)
        break
      }
    }
  }
  return out
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
  if (typeof value !== 'object' || value === null) {
    return typeof value === 'string' ? new Error(sanitize(value)) : undefined
  }
  const source = value as {
    name?: unknown
    message?: unknown
    code?: unknown
    stack?: unknown
    cause?: unknown
  }
  const inner = depth > 1 ? sanitizeCause(source.cause, sanitize, depth - 1) : undefined
  const copy = new Error(
    sanitize(typeof source.message === 'string' ? source.message : ''),
    inner === undefined ? undefined : { cause: inner },
  )
  if (typeof source.name === 'string') copy.name = sanitize(source.name, 100)
  if (typeof source.code === 'string' || typeof source.code === 'number') {
    Object.defineProperty(copy, 'code', {
      value: typeof source.code === 'string' ? sanitize(source.code, 100) : source.code,
      enumerable: true,
    })
  }
  copy.stack =
    typeof source.stack === 'string'
      ? sanitize(source.stack, 4000)
      : `${copy.name}: ${copy.message}`
  return copy
}
