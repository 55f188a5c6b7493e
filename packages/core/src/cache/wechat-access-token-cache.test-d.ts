import { expectTypeOf, test } from 'vitest'
import type { AuthenticationClient } from '../client/authentication-client.js'
import type { WechatAccessToken } from './cache-entry.js'
import type { WechatAccessTokenSource } from './cache-options.js'
import type { CloudflareKVStore, KVNamespaceLike } from './cloudflare-kv-store.js'
import type { MemoryStore } from './memory-store.js'
import type { FakeKVLocation } from './test-helpers/fake-kv-namespace.js'
import type { TokenStore } from './token-store.js'
import type { WechatAccessTokenCache } from './wechat-access-token-cache.js'

test('an AuthenticationClient is a token source', () => {
  expectTypeOf<AuthenticationClient>().toExtend<WechatAccessTokenSource>()
})

test('both stores are TokenStores, and the KV fake fits where a KV namespace goes', () => {
  expectTypeOf<MemoryStore>().toExtend<TokenStore>()
  expectTypeOf<CloudflareKVStore>().toExtend<TokenStore>()
  expectTypeOf<FakeKVLocation>().toExtend<KVNamespaceLike>()
})

test('get resolves a read-only token', () => {
  expectTypeOf<WechatAccessTokenCache['get']>().returns.toEqualTypeOf<Promise<WechatAccessToken>>()
  expectTypeOf<WechatAccessToken>().toEqualTypeOf<{
    readonly accessToken: string
    readonly expiresAt: number
  }>()
})
