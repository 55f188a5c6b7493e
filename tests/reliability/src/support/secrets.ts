import { inspect } from 'node:util'

/**
 * Distinctive secret values for the leak suites. Each has a long random-looking core, so any
 * 10-character window of it found in a string is a leak (16^10 makes an accidental match
 * practically impossible), partial leaks included. The first three hold characters that JSON
 * escapes (`"`, `\`) and URLs encode (`/`, `+`, `&`, `%`, space), so an echo in either form is a
 * different string from the secret.
 */
export const SECRETS = {
  /** The WeChat AppSecret: sent in the request body. */
  wechatAppSecret: 'wxsecret/9f4c+2a7e"1d3b\\8065&c4e2 f19a%7b3d5c80',
  /** A user access token: sent as `authorization`. */
  userAccessToken: 'usertoken+3b7e/9d1f"5a2c\\4e60&81d9%f3b5a7c2e4f6',
  /** The Authing app secret: never sent, but held by the client. */
  authingAppSecret: 'authsecret c81e3f5a/7b9d+2046"e8a1\\c3f5&b7d9e2a4',
  /** The Worker's BROKER_TOKEN: presented by internal callers. */
  brokerToken: 'brokertoken-5d2f8a4c6e1b3d7092f4a6c8e1b3d5f7',
} as const

/** The secrets a `@authing-edge/core` client holds or sends: what its leak suites look for. */
export const CLIENT_SECRETS = {
  wechatAppSecret: SECRETS.wechatAppSecret,
  userAccessToken: SECRETS.userAccessToken,
  authingAppSecret: SECRETS.authingAppSecret,
}

/** The secrets the Worker holds: what its request and soak suites look for. */
export const WORKER_SECRETS = {
  wechatAppSecret: SECRETS.wechatAppSecret,
  brokerToken: SECRETS.brokerToken,
}

/**
 * Names WeChat access tokens for {@link findLeaks}: a token handed to a caller must not turn up
 * where the suite looks either.
 *
 * @param tokens - the tokens issued so far
 * @returns `wechatToken0`, `wechatToken1`, … to each token
 */
export function namedTokens(tokens: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...tokens].map((token, i) => [`wechatToken${i}`, token]))
}

/** Characters of a secret that count as a leak when found together. */
const WINDOW = 10
/** Base64 characters that count as a leak (12 bytes of the secret). */
const BASE64_WINDOW = 16

/** Every `size`-character slice of a text. */
function slices(text: string, size: number): string[] {
  const out: string[] = []
  for (let start = 0; start + size <= text.length; start++)
    out.push(text.slice(start, start + size))
  return out
}

/**
 * Every 10-character window of a secret, as is, JSON-escaped and URI-encoded (the forms
 * `util.inspect` and echoing servers produce), plus 16-character windows of its base64 form.
 */
function windowsOf(secret: string): string[] {
  const windows = new Set<string>()
  for (const window of slices(secret, WINDOW)) {
    windows.add(window)
    windows.add(JSON.stringify(window).slice(1, -1))
    windows.add(encodeURIComponent(window))
  }
  for (const window of slices(Buffer.from(secret).toString('base64').slice(0, -2), BASE64_WINDOW)) {
    windows.add(window)
  }
  return [...windows]
}

/** A leak found by {@link findLeaks}. */
export interface Leak {
  /** Which secret (or extra value). */
  readonly secret: string
  /** Where it was found, as the caller named it. */
  readonly where: string
  /** A little context around the match. */
  readonly excerpt: string
}

/**
 * Scans texts for any secret, whole or in part (any 10 consecutive characters of it, as is,
 * JSON-escaped or URI-encoded, or 12 bytes of it in base64).
 *
 * @param texts - the texts to scan, keyed by where they came from
 * @param secrets - the values to look for, keyed by name
 * @returns every leak found; empty when clean
 */
export function findLeaks(
  texts: Readonly<Record<string, string>>,
  secrets: Readonly<Record<string, string>> = SECRETS,
): Leak[] {
  const leaks: Leak[] = []
  for (const [name, secret] of Object.entries(secrets)) {
    const windows = windowsOf(secret)
    for (const [where, text] of Object.entries(texts)) {
      const hit = windows.find((window) => text.includes(window))
      if (hit === undefined) continue
      const at = text.indexOf(hit)
      leaks.push({ secret: name, where, excerpt: text.slice(Math.max(0, at - 40), at + 50) })
    }
  }
  return leaks
}

/**
 * Every string reachable from a value: own properties (enumerable or not, symbols included),
 * `cause` chains, arrays and nested objects, to a bounded depth. Catches what `JSON.stringify`
 * and `util.inspect` skip.
 *
 * @param value - typically an error
 * @returns the strings, in discovery order
 */
export function reachableStrings(value: unknown): string[] {
  const out: string[] = []
  const seen = new Set<object>()
  const visit = (current: unknown, depth: number): void => {
    if (typeof current === 'string') {
      out.push(current)
      return
    }
    if (typeof current !== 'object' || current === null || depth > 8 || seen.has(current)) return
    seen.add(current)
    for (const key of Reflect.ownKeys(current)) {
      if (typeof key === 'string') out.push(key)
      const descriptor = Object.getOwnPropertyDescriptor(current, key)
      if (descriptor !== undefined && 'value' in descriptor) visit(descriptor.value, depth + 1)
    }
  }
  visit(value, 0)
  return out
}

/**
 * The places an error can show a secret: message, stack, `JSON.stringify`, `util.inspect`
 * (with hidden properties, full depth) and every reachable string.
 *
 * @param error - anything thrown
 * @param label - a prefix for the keys
 * @returns texts keyed by where they came from, for {@link findLeaks}
 */
export function errorSurfaces(error: unknown, label: string): Record<string, string> {
  const surfaces: Record<string, string> = {
    [`${label} inspect`]: inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    [`${label} reachable`]: reachableStrings(error).join('\n'),
    [`${label} String()`]: String(error),
  }
  try {
    surfaces[`${label} JSON`] = JSON.stringify(error) ?? ''
  } catch (cause) {
    surfaces[`${label} JSON`] = `unserialisable: ${String(cause)}`
  }
  if (error instanceof Error) {
    surfaces[`${label} message`] = error.message
    surfaces[`${label} stack`] = error.stack ?? ''
  }
  return surfaces
}
