/** What replaces a secret in anything the emulator records or prints. */
export const REDACTED = '[REDACTED]'

/** Header and field names whose values are secrets. */
const SECRET_NAME = /secret|password|token|authorization|cookie|api-?key/i

/** A JSON member whose name looks secret, with its (possibly cut off) value. */
const SECRET_MEMBER =
  /("[^"\\]*(?:secret|password|token)[^"\\]*"\s*:\s*)(?:"(?:[^"\\]|\\.)*"?|[^,}\]\s]+)/gi

/** At most this many characters of a non-JSON body are kept. */
export const MAX_BODY_TEXT = 2048

/**
 * Whether a header or field name holds a secret.
 *
 * @param name - a header or JSON field name
 * @returns true for names such as `appSecret`, `authorization`, `x-api-key`
 */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name)
}

/**
 * Copies request headers with secret values replaced. An `authorization` header keeps its
 * scheme so tests can still see how it was sent: `Bearer [REDACTED]`.
 *
 * @param headers - the request headers
 * @returns a plain, redacted object with lower-case names
 */
export function redactHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {}
  headers.forEach((value, name) => {
    if (name === 'authorization' && /^bearer\s/i.test(value)) out[name] = `Bearer ${REDACTED}`
    else out[name] = isSecretName(name) ? REDACTED : value
  })
  return out
}

/**
 * Deep-copies parsed JSON with secret-looking fields and known secret values replaced.
 *
 * @param value - parsed JSON
 * @param secrets - values that must never be kept, wherever they appear
 * @returns the redacted copy
 */
export function redactJson(value: unknown, secrets: ReadonlySet<string>): unknown {
  if (typeof value === 'string') return redactText(value, secrets, Number.POSITIVE_INFINITY)
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets))
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) {
      out[key] = isSecretName(key) ? REDACTED : redactJson(item, secrets)
    }
    return out
  }
  return value
}

/**
 * Redacts a body that is not valid JSON: known secret values anywhere, and the values of
 * secret-looking JSON members even when the text is cut off. Long text is shortened.
 *
 * @param text - the raw body
 * @param secrets - values that must never be kept
 * @param maxLength - how much to keep
 * @default maxLength 2048
 * @returns the redacted text
 */
export function redactText(
  text: string,
  secrets: ReadonlySet<string>,
  maxLength: number = MAX_BODY_TEXT,
): string {
  let out = text
  for (const secret of secrets) if (secret.length > 0) out = out.split(secret).join(REDACTED)
  out = out.replace(SECRET_MEMBER, `$1"${REDACTED}"`)
  return out.length > maxLength ? `${out.slice(0, maxLength)}… (${out.length} chars)` : out
}
