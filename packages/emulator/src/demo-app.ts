/**
 * The demo credentials every emulator serves when no applications are configured. They are
 * public on purpose: use them in examples, tests and local development, never in production.
 *
 * @example
 * ```ts
 * import { createEmulator, DEMO_APP } from '@authing-edge/emulator'
 *
 * const emulator = createEmulator()
 * const response = await emulator(
 *   new Request('http://emulator.local/api/v3/get-wechat-access-token-info', {
 *     method: 'POST',
 *     headers: { 'content-type': 'application/json', 'x-authing-app-id': DEMO_APP.appId },
 *     body: JSON.stringify({ appId: DEMO_APP.wechatAppId, appSecret: DEMO_APP.wechatAppSecret }),
 *   }),
 * )
 * ```
 */
export const DEMO_APP = Object.freeze({
  /** The Authing application's appId, sent as `x-authing-app-id` (or `x-genauth-app-id`). */
  appId: 'authing-edge-demo-app',
  /** The WeChat Mini Program / Official Account AppId, sent in the body as `appId`. */
  wechatAppId: 'wx0000000000000de0',
  /** The WeChat AppSecret, sent in the body as `appSecret`. Public: it only works here. */
  wechatAppSecret: 'authing-edge-demo-wechat-app-secret',
} as const)

/** The shape of {@link DEMO_APP}: an `EmulatorApp`, so `apps: [DEMO_APP, ...]` works. */
export type DemoApp = typeof DEMO_APP

/**
 * The user access token every emulator accepts in `authorization` in user-token mode when no
 * `userTokens` are configured. Public, like {@link DEMO_APP}.
 */
export const DEMO_USER_ACCESS_TOKEN = 'authing-edge-demo-user-access-token'
