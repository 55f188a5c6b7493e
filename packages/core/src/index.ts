// Public entry point of @authing-edge/core: an explicit list of re-exports.

// --- client ---
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
// --- WeChat access-token cache ---
export {
  type CacheErrorSummary,
  type CacheEventBase,
  type CacheHitEvent,
  type CacheInvalidateEvent,
  type CacheMissEvent,
  type CacheNegativeHitEvent,
  type CacheRefreshEvent,
  type CacheRefreshFailedEvent,
  type CacheStaleServedEvent,
  type CacheStoreErrorEvent,
  CacheWaitTimeoutError,
  type CacheWaitTimeoutEvent,
  CloudflareKVStore,
  type CloudflareKVStoreOptions,
  type GetWechatAccessTokenOptions,
  type InvalidateWechatAccessTokenOptions,
  isCacheWaitTimeoutError,
  isPermanentTokenError,
  KV_MIN_EXPIRATION_TTL_SECONDS,
  type KVNamespaceLike,
  MemoryStore,
  type MemoryStoreOptions,
  type RefreshTrigger,
  type StoredToken,
  StoredTokenSchema,
  summarizeError,
  type TokenStore,
  type TokenStoreSetOptions,
  tokenFingerprint,
  type WaitUntil,
  WECHAT_ACCESS_TOKEN_CACHE_KEY_PREFIX,
  type WechatAccessToken,
  WechatAccessTokenCache,
  type WechatAccessTokenCacheEvent,
  type WechatAccessTokenCacheKeyParts,
  type WechatAccessTokenCacheOptions,
  type WechatAccessTokenSource,
  wechatAccessTokenCacheKey,
} from './cache/index.js'
export { AuthenticationClient } from './client/authentication-client.js'
export { normalizeAppHost } from './client/normalize-app-host.js'
export { normalizeExpiresAt } from './client/normalize-expires-at.js'
export type {
  AppIdHeader,
  AuthenticationClientOptions,
  FetchLike,
  RequestOptions,
  RetryOptions,
  ThrowOnApiErrorOptions,
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
