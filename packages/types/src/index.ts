export {
  EXPIRES_AT_MS_THRESHOLD,
  type ExpiresAt,
  ExpiresAtMsSchema,
  ExpiresAtSchema,
  expiresAtToEpochMs,
} from './expires-at.js'
export {
  type GetWechatAccessTokenDataDto,
  GetWechatAccessTokenDataDtoSchema,
} from './get-wechat-access-token-data-dto.js'
export {
  type GetWechatAccessTokenDto,
  GetWechatAccessTokenDtoSchema,
} from './get-wechat-access-token-dto.js'
export {
  type GetWechatAccessTokenInfoRespDto,
  GetWechatAccessTokenInfoRespDtoSchema,
  type GetWechatAccessTokenRespDto,
  GetWechatAccessTokenRespDtoSchema,
} from './get-wechat-access-token-resp-dto.js'
export {
  isWechatAccessTokenSuccess,
  SUCCESS_STATUS_CODE,
  type WechatAccessTokenEnvelope,
  WechatAccessTokenEnvelopeSchema,
  type WechatAccessTokenFailure,
  WechatAccessTokenFailureSchema,
  type WechatAccessTokenSuccess,
  WechatAccessTokenSuccessSchema,
} from './response-envelope.js'
