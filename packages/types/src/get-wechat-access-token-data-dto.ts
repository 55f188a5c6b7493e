import { custom, type InferOutput, looseObject } from 'valibot'
import { ExpiresAtSchema } from './expires-at.js'

/**
 * The `data` of a successful response. Unknown fields are kept, so a returned object equals
 * what the server sent. (Calls are marked pure: see expires-at.ts.)
 */
export const GetWechatAccessTokenDataDtoSchema = /* @__PURE__ */ looseObject({
  /** The WeChat access token cached by the Authing server: a non-empty string. */
  accessToken: /* @__PURE__ */ custom<string>(
    (value) => typeof value === 'string' && value !== '',
    (issue) =>
      typeof issue.input === 'string'
        ? 'data.accessToken must not be empty'
        : 'data.accessToken must be a string',
  ),
  /** When the access token expires: a timestamp in seconds (number or numeric string). */
  expiresAt: ExpiresAtSchema,
})

/** `data` of a successful response: `accessToken` and `expiresAt` as received. */
export type GetWechatAccessTokenDataDto = InferOutput<typeof GetWechatAccessTokenDataDtoSchema>
