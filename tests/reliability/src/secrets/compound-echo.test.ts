import { AuthenticationClient } from '@authing-edge/core'
import { describe, expect, test } from 'vitest'
import { errorSurfaces, findLeaks, SECRETS } from '../support/secrets.ts'

/**
 * Servers that echo the request body do it in a second encoding as often as not: a JSON error
 * that quotes the body it received (the JSON body escaped once more), or a redirect or log URL
 * that carries it (the JSON body URI-encoded). For a secret made of letters and digits those are
 * the secret as sent; for one holding `"`, `\` or URL-reserved characters they are not.
 */
const ECHOES = {
  'inside a JSON string': (body: string) =>
    JSON.stringify({ error: 'bad request', received: body }),
  'URI-encoded': (body: string) => `see /debug?body=${encodeURIComponent(body)}`,
} as const

async function echoed(
  appSecret: string,
  userToken: string,
  echo: (body: string) => string,
): Promise<unknown> {
  const client = new AuthenticationClient({
    appId: 'authing-app',
    appHost: 'https://hostile.example',
    accessToken: userToken,
    retry: 0,
    fetch: async (request) => new Response(echo(await request.text()), { status: 500 }),
  })
  try {
    await client.getWechatMpAccessTokenInfo({ appId: 'wx0123456789abcdef', appSecret })
  } catch (error) {
    return error
  }
  return undefined
}

describe('a request body echoed in a second encoding', () => {
  const plain = {
    wechatAppSecret: 'f3c1a9e87b2d4c6a0e5f7b9d1c3a5e7f',
    userAccessToken: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZw',
  }

  test.for(Object.entries(ECHOES))(
    '%s: letters-and-digits secrets (WeChat hex, JWT) are scrubbed from the HttpError',
    async ([, echo]) => {
      const error = await echoed(plain.wechatAppSecret, plain.userAccessToken, echo)
      // The echo reached the error, and was scrubbed there.
      expect(error).toMatchObject({
        name: 'HttpError',
        status: 500,
        bodyExcerpt: expect.stringContaining('[REDACTED]'),
      })
      expect(findLeaks(errorSurfaces(error, 'error'), plain)).toEqual([])
    },
  )

  // A server's echo of the JSON body carries the escape of the escape, or the URI encoding of
  // the escape: a secret with `"` or `\` leaked in parts until the scrubber knew those forms.
  test.for(Object.entries(ECHOES))(
    '%s: secrets holding quotes, backslashes and URL-reserved characters are scrubbed too',
    async ([, echo]) => {
      const secrets = { wechatAppSecret: SECRETS.wechatAppSecret }
      const error = await echoed(SECRETS.wechatAppSecret, plain.userAccessToken, echo)
      expect(error).toMatchObject({ name: 'HttpError', status: 500 })
      expect(findLeaks(errorSurfaces(error, 'error'), secrets)).toEqual([])
    },
  )
})
