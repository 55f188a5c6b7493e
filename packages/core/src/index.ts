// Public entry point of @authing-edge/core: an explicit list of re-exports.

// --- client (issue: core client) ---
export type {
  GetWechatAccessTokenDataDto,
  GetWechatAccessTokenDto,
  GetWechatAccessTokenInfoRespDto,
  GetWechatAccessTokenRespDto,
  WechatAccessTokenEnvelope,
  WechatAccessTokenFailure,
  WechatAccessTokenSuccess,
} from '@authing-edge/types'
export { isWechatAccessTokenSuccess } from '@authing-edge/types'
export { AuthenticationClient } from './client/authentication-client.js'
export { normalizeAppHost } from './client/normalize-app-host.js'
export { normalizeExpiresAt } from './client/normalize-expires-at.js'
export type {
  AppIdHeader,
  AuthenticationClientOptions,
  FetchLike,
  RequestOptions,
  RetryOptions,
} from './client/options.js'
// --- errors ---
export {
  AuthingApiError,
  type AuthingApiErrorDetails,
  AuthingError,
  type AuthingErrorOptions,
  ConfigError,
  HttpError,
  type HttpErrorDetails,
  isAuthingApiError,
  isAuthingError,
  isConfigError,
  isHttpError,
  isNetworkError,
  isResponseValidationError,
  isTimeoutError,
  NetworkError,
  type RequestSummary,
  ResponseValidationError,
  TimeoutError,
  type ValidationIssue,
} from './errors/index.js'
export type { LogFields, Logger } from './logger.js'

// --- cache (issue: token cache) ---
