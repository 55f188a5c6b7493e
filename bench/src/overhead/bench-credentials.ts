/**
 * Made-up credentials every contender sends to the loopback server. They are not secrets, but
 * the harness treats them as if they were: they are never printed.
 */
export const BENCH_CREDENTIALS = {
  /** The Authing application id, sent as `x-authing-app-id`. */
  authingAppId: '64f0bench0000000000000001',
  /** The Authing application secret (the official SDK requires one; it is not sent). */
  authingAppSecret: 'bench-authing-app-secret',
  /** The WeChat AppId, sent in the body. */
  wechatAppId: 'wx0123456789abcdef',
  /** The WeChat AppSecret, sent in the body. */
  wechatAppSecret: 'bench-wechat-app-secret-0123456789',
} as const
