// Public entry point of @authing-edge/legacy: an explicit list of re-exports.

// --- from @authing-edge/core, so a migration needs this one import ---
export type {
  GetWechatAccessTokenDataDto,
  GetWechatAccessTokenDto,
  GetWechatAccessTokenInfoRespDto,
  GetWechatAccessTokenRespDto,
  Logger,
  RequestOptions,
  WechatAccessTokenEnvelope,
} from '@authing-edge/core'
export {
  AuthingApiError,
  AuthingError,
  ConfigError,
  HttpError,
  isAuthingApiError,
  isAuthingError,
  isConfigError,
  isHttpError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  isWechatAccessTokenSuccess,
  NetworkError,
  ResponseValidationError,
  TimeoutError,
} from '@authing-edge/core'

// --- the deprecated authing-node-sdk methods ---
export {
  AuthenticationClient,
  type AuthenticationClientOptions,
} from './authentication-client.js'
export { silenceDeprecationWarnings } from './deprecation.js'
export { getWechatMpAccessToken } from './get-wechat-mp-access-token.js'
