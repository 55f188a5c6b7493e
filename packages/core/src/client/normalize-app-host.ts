import { ConfigError } from '../errors/config-error.js'

/**
 * Normalises an Authing / GenAuth app host the way the official SDK does (`domainC14n`):
 * `https://` is prefixed when there is no scheme, trailing slashes are stripped and a path prefix is
 * kept. Surrounding whitespace is ignored. Unlike the official SDK it refuses what it cannot use:
 * an unparsable host, a scheme other than http(s) or one not followed by `//`, credentials, a
 * query string or a fragment.
 *
 * @param host - e.g. `example.authing.cn`, `https://example.authing.cn/` or
 *   `https://example.authing.cn/sub/`
 * @returns origin and path without a trailing slash, e.g. `https://example.authing.cn/sub`
 * @throws {@link ConfigError} (option `appHost`) when the host is missing or malformed
 *
 * @example
 * ```ts
 * import { normalizeAppHost } from '@authing-edge/core'
 *
 * normalizeAppHost('example.authing.cn///') // 'https://example.authing.cn'
 * normalizeAppHost('https://example.authing.cn/sub/') // 'https://example.authing.cn/sub'
 * ```
 */
export function normalizeAppHost(host: string): string {
  const trimmed = typeof host === 'string' ? host.trim() : ''
  let url: URL | undefined
  try {
    url = new URL(/^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`)
  } catch {
    // Reported below with every other malformed host.
  }
  if (
    url === undefined ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    /^https?:(?!\/\/)|[?#]/i.test(trimmed) ||
    url.username !== '' ||
    url.password !== ''
  ) {
    throw new ConfigError(
      'appHost',
      'pass a domain or an http(s) URL without credentials, query or fragment, e.g. "example.authing.cn"',
    )
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`
}

/**
 * Whether a normalised app host points at this machine: `localhost` (and `*.localhost`),
 * 127.0.0.0/8 or `[::1]`. Plain `http://` is only accepted for those unless `allowInsecureHttp`.
 *
 * @param appHost - the output of {@link normalizeAppHost}
 * @returns true for a loopback host
 */
export function isLoopbackHost(appHost: string): boolean {
  const { hostname } = new URL(appHost)
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname === '[::1]' ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname)
  )
}
