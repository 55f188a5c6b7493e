/**
 * The Worker's bindings: vars, secrets and the KV namespace, as `wrangler.jsonc` and
 * `wrangler secret put` declare them. Every field is optional here because a deployment can
 * miss any of them; {@link readConfig} turns a missing one into a clear JSON 500.
 */
export interface WorkerEnv {
  /** The Authing application's appId (sent as `x-authing-app-id`), a var. */
  readonly AUTHING_APP_ID?: string | undefined
  /** The Authing application's host, e.g. `https://example.authing.cn`, a var. */
  readonly AUTHING_APP_HOST?: string | undefined
  /** The WeChat Mini Program / Official Account appId, a var. */
  readonly WECHAT_APP_ID?: string | undefined
  /** The WeChat appSecret, a secret (`wrangler secret put WECHAT_APP_SECRET`). */
  readonly WECHAT_APP_SECRET?: string | undefined
  /** The bearer token internal services present, a secret (`wrangler secret put BROKER_TOKEN`). */
  readonly BROKER_TOKEN?: string | undefined
  /** `debug`, `info` (the default), `warn` or `error`: the least severe log lines written, a var. */
  readonly LOG_LEVEL?: string | undefined
  /** The KV namespace shared by every isolate as the second cache level. */
  readonly WECHAT_TOKEN_CACHE?: KVNamespace | undefined
}
