/** The headers that carry the Authing application's appId, in order of preference. */
export const APP_ID_HEADERS = ['x-authing-app-id', 'x-genauth-app-id'] as const

/**
 * The Authing appId a request names: `x-authing-app-id`, else GenAuth's `x-genauth-app-id`.
 *
 * @param headers - request headers
 * @returns the appId, or `undefined` when neither header is present and non-empty
 */
export function readAppId(headers: Headers): string | undefined {
  for (const name of APP_ID_HEADERS) {
    const value = headers.get(name)?.trim()
    if (value) return value
  }
  return undefined
}

/**
 * How `authorization` was sent and the token in it.
 *
 * @param headers - request headers
 * @returns the scheme (`none`, `raw`, `bearer`) and the token
 */
export function readUserToken(headers: Headers): {
  scheme: 'none' | 'raw' | 'bearer'
  token: string | undefined
} {
  const value = headers.get('authorization')?.trim()
  if (!value) return { scheme: 'none', token: undefined }
  const bearer = /^bearer\s+(.+)$/i.exec(value)
  return bearer ? { scheme: 'bearer', token: bearer[1] } : { scheme: 'raw', token: value }
}
