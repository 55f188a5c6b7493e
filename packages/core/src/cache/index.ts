// The token cache's public surface; re-exported by name from ../index.ts.

export type { WechatAccessToken } from './cache-entry.js'
export type {
  CacheErrorSummary,
  CacheEventBase,
  CacheHitEvent,
  CacheInvalidateEvent,
  CacheMissEvent,
  CacheNegativeHitEvent,
  CacheRefreshEvent,
  CacheRefreshFailedEvent,
  CacheStaleServedEvent,
  CacheStoreErrorEvent,
  CacheWaitTimeoutEvent,
  RefreshTrigger,
  WechatAccessTokenCacheEvent,
} from './cache-events.js'
export { summarizeError } from './cache-events.js'
export {
  WECHAT_ACCESS_TOKEN_CACHE_KEY_PREFIX,
  type WechatAccessTokenCacheKeyParts,
  wechatAccessTokenCacheKey,
} from './cache-key.js'
export type { WechatAccessTokenCacheOptions, WechatAccessTokenSource } from './cache-options.js'
export { CacheWaitTimeoutError, isCacheWaitTimeoutError } from './cache-wait-timeout-error.js'
export {
  CloudflareKVStore,
  type CloudflareKVStoreOptions,
  KV_MIN_EXPIRATION_TTL_SECONDS,
  type KVNamespaceLike,
} from './cloudflare-kv-store.js'
export { tokenFingerprint } from './fingerprint.js'
export { MemoryStore, type MemoryStoreOptions } from './memory-store.js'
export { isPermanentTokenError } from './permanent-error.js'
export {
  type StoredToken,
  StoredTokenSchema,
  type TokenStore,
  type TokenStoreSetOptions,
} from './token-store.js'
export {
  type GetWechatAccessTokenOptions,
  type InvalidateWechatAccessTokenOptions,
  type WaitUntil,
  WechatAccessTokenCache,
} from './wechat-access-token-cache.js'
