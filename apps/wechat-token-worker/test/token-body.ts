// What the tests expect `GET /v1/wechat/access-token` to answer, checked rather than assumed.
import * as v from 'valibot'

/** `{ accessToken, expiresAt }`, nothing else; `expiresAt` in epoch milliseconds. */
export const TokenBodySchema = v.strictObject({
  accessToken: v.pipe(v.string(), v.nonEmpty()),
  expiresAt: v.pipe(v.number(), v.integer()),
})

/**
 * Reads and validates a token response body.
 *
 * @param response - a 200 answer of the token route
 * @returns the token and its expiry
 */
export async function readTokenBody(
  response: Response,
): Promise<v.InferOutput<typeof TokenBodySchema>> {
  return v.parse(TokenBodySchema, await response.json())
}
