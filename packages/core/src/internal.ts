/**
 * `@authing-edge/core/internal`: what `@authing-edge/legacy` needs from the core client. Not a
 * public API: it can change in any release.
 *
 * @internal
 * @packageDocumentation
 */

export { postWechatAccessToken } from './client/authentication-client.js'
export type { WechatAccessTokenPath } from './client/send.js'
