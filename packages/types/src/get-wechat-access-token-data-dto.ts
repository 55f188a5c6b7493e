import * as v from 'valibot'
import { ExpiresAtSchema } from './expires-at.js'

/**
 * The `data` of a successful response. Unknown fields are kept, so a returned object equals
 * what the server sent.
 */
export const GetWechatAccessTokenDataDtoSchema = v.looseObject({
  /** The WeChat access token cached by the Authing server. */
  accessToken: v.pipe(
    v.string('data.accessToken must be a string'),
    v.nonEmpty('data.accessToken must not be empty'),
  ),
  /** When the access token expires: a timestamp in seconds (number or numeric string). */
  expiresAt: ExpiresAtSchema,
})

/** `data` of a successful response: `accessToken` and `expiresAt` as received. */
export type GetWechatAccessTokenDataDto = v.InferOutput<typeof GetWechatAccessTokenDataDtoSchema>
