import { DEMO_APP } from '../src/demo-app.js'
import type { EndpointName } from '../src/endpoint-name.js'

/** Base URL used for in-process requests. */
export const BASE = 'http://emulator.test'

/** What to put in a token request; `null` leaves a header out. */
export interface TokenRequestInit {
  endpoint?: EndpointName
  appIdHeader?: string | null
  genauth?: boolean
  authorization?: string
  contentType?: string | null
  body?: unknown
  rawBody?: string
  base?: string
  signal?: AbortSignal
}

/** The demo app's valid request body. */
export const DEMO_BODY = { appId: DEMO_APP.wechatAppId, appSecret: DEMO_APP.wechatAppSecret }

/**
 * Builds a POST to a token endpoint, valid for the demo app unless told otherwise.
 *
 * @param init - what to change
 * @returns the request
 */
export function tokenRequest(init: TokenRequestInit = {}): Request {
  const headers = new Headers()
  const contentType = init.contentType === undefined ? 'application/json' : init.contentType
  if (contentType !== null) headers.set('content-type', contentType)
  const appId = init.appIdHeader === undefined ? DEMO_APP.appId : init.appIdHeader
  if (appId !== null) headers.set(init.genauth ? 'x-genauth-app-id' : 'x-authing-app-id', appId)
  if (init.authorization !== undefined) headers.set('authorization', init.authorization)
  const body = init.rawBody ?? JSON.stringify(init.body === undefined ? DEMO_BODY : init.body)
  return new Request(
    `${init.base ?? BASE}/api/v3/${init.endpoint ?? 'get-wechat-access-token-info'}`,
    { method: 'POST', headers, body, ...(init.signal ? { signal: init.signal } : {}) },
  )
}

/** A sleep that returns at once and remembers what it was asked to wait. */
export function recordingSleep(): {
  sleep: (ms: number, signal: AbortSignal) => Promise<void>
  waits: number[]
} {
  const waits: number[] = []
  return {
    waits,
    sleep: async (ms, signal) => {
      signal.throwIfAborted()
      waits.push(ms)
    },
  }
}
