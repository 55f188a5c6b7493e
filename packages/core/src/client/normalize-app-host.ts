import { ConfigError } from '../errors/config-error.js'

const HAS_SCHEME = /^[a-z][a-z\d+.-]*:\/\//i
const BROKEN_HTTP_SCHEME = /^https?:(?!\/\/)/i
const TRAILING_SLASHES = /\/+$/

/**
 * Normalises an Authing / GenAuth app host the way the official SDK does (`domainC14n`):
 * `https://` is prefixed when there is no scheme, trailing slashes are stripped and a path prefix is
 * kept. Surrounding whitespace is ignored. Unlike the official SDK it refuses what it cannot use:
 * an unparsable host, a scheme other than http(s), credentials, a query string or a fragment.
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
  if (typeof host !== 'string' || host.trim() === '') {
    throw new ConfigError('appHost', 'pass your application domain, e.g. "example.authing.cn"')
  }
  const trimmed = host.trim()
  if (BROKEN_HTTP_SCHEME.test(trimmed)) {
    throw new ConfigError(
      'appHost',
      'the scheme must be followed by "//", e.g. "https://example.authing.cn"',
    )
  }
  let url: URL
  try {
    url = new URL(HAS_SCHEME.test(trimmed) ? trimmed : `https://${trimmed}`)
  } catch {
    throw new ConfigError(
      'appHost',
      'it is not a valid host or URL, e.g. "https://example.authing.cn"',
    )
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(
      'appHost',
      'only https:// (or http:// for local development) is supported',
    )
  }
  if (url.hostname === '') {
    throw new ConfigError('appHost', 'the host name is missing, e.g. "https://example.authing.cn"')
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('appHost', 'credentials in the URL are not allowed')
  }
  if (url.search !== '' || url.hash !== '' || trimmed.includes('?') || trimmed.includes('#')) {
    throw new ConfigError('appHost', 'a query string or fragment is not allowed')
  }
  return `${url.protocol}//${url.host}${url.pathname.replace(TRAILING_SLASHES, '')}`
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
