import { CONTROL_PREFIX } from '../control/control-api.js'
import { DEMO_APP, DEMO_USER_ACCESS_TOKEN } from '../demo-app.js'
import type { EmulatorSettings } from '../emulator-settings.js'

/** What the banner describes. */
export interface BannerInput {
  /** The server's URL. */
  readonly url: string
  /** The emulator's settings. */
  readonly settings: EmulatorSettings
  /** Whether the control API is served. */
  readonly controlApi: boolean
  /** Whether CORS is on. */
  readonly cors: boolean
  /** The seed in use. */
  readonly seed: number
}

/** The first line the CLI prints; tests and scripts parse the URL out of it. */
export const LISTENING_PREFIX = 'Authing emulator listening on '

/**
 * The CLI's start-up text: the URL on the first line, then the credentials it serves. Demo
 * credentials are public and printed in full; configured secrets never are.
 *
 * @param input - what to describe
 * @returns the lines to print
 */
export function formatBanner(input: BannerInput): string[] {
  const { url, settings } = input
  const lines = [`${LISTENING_PREFIX}${url}`, `  appHost            ${url}`]
  for (const app of settings.apps) {
    const demo = app.wechatAppSecret === DEMO_APP.wechatAppSecret
    lines.push(
      `  Authing appId      ${app.appId}   (header x-authing-app-id or x-genauth-app-id)`,
      `  WeChat appId       ${app.wechatAppId}`,
      `  WeChat appSecret   ${demo ? `${app.wechatAppSecret}   (demo credentials: public)` : hidden(app.wechatAppSecret)}`,
    )
  }
  if (settings.requireUserToken) {
    const tokens = settings.userTokens.map((token) =>
      token === DEMO_USER_ACCESS_TOKEN ? `${token} (demo)` : hidden(token),
    )
    lines.push(`  user token         required in authorization: ${tokens.join(', ')}`)
  } else {
    lines.push('  user token         not required')
  }
  lines.push(
    `  expiresAt          ${settings.expiresAtAs === 'number' ? 'a number' : 'a string'} of epoch seconds, tokens live ${settings.tokenLifetimeSeconds} s`,
    `  rate limit         ${settings.rateLimit ? `${settings.rateLimit.limit} requests per ${settings.rateLimit.windowMs} ms per app` : 'none'}`,
    `  control API        ${input.controlApi ? `${url}${CONTROL_PREFIX}   (local use only)` : 'off'}`,
    `  CORS               ${input.cors ? 'on' : 'off'}`,
    `  seed               ${input.seed}`,
    'Press Ctrl-C to stop.',
  )
  return lines
}

function hidden(secret: string): string {
  return `[hidden, ${secret.length} characters]`
}
