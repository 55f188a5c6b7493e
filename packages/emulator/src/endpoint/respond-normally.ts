import type { EmulatorState } from '../emulator-state.js'
import { API_CODES } from './api-codes.js'
import { businessError, type EndpointResult, success } from './envelope.js'
import type { ParsedBody } from './parse-body.js'
import { readAppId, readUserToken } from './read-app-id.js'
import { validateBody } from './validate-body.js'

/**
 * What the upstream answers when nothing goes wrong on the way: the app-id header, the user
 * token (in user-token mode), the body, the WeChat app and secret are checked in that order,
 * then the server-side cached token is returned. Messages never quote a header or body value.
 *
 * @param state - the emulator state
 * @param headers - request headers
 * @param body - the parsed body
 * @param requestId - the request's id
 * @returns the envelope and HTTP status
 */
export function respondNormally(
  state: EmulatorState,
  headers: Headers,
  body: ParsedBody,
  requestId: string,
): EndpointResult {
  const settings = state.settings()
  const appId = readAppId(headers)
  if (appId === undefined) {
    return businessError(
      400,
      API_CODES.missingAppId,
      "Missing the x-authing-app-id header (x-genauth-app-id for GenAuth): send the Authing application's appId",
      requestId,
    )
  }
  const apps = settings.apps.filter((app) => app.appId === appId)
  if (apps.length === 0) {
    return businessError(
      400,
      API_CODES.appNotFound,
      'Application not found: no Authing application has the appId sent in x-authing-app-id / x-genauth-app-id',
      requestId,
    )
  }
  if (settings.requireUserToken) {
    const { token } = readUserToken(headers)
    if (token === undefined) {
      return businessError(
        401,
        API_CODES.notLoggedIn,
        'Not logged in: send a user access token in the authorization header (raw or "Bearer <token>")',
        requestId,
      )
    }
    if (!settings.userTokens.includes(token)) {
      return businessError(
        401,
        API_CODES.notLoggedIn,
        'The user access token in the authorization header is invalid or expired',
        requestId,
      )
    }
  }
  const verdict = validateBody(body)
  if (!verdict.ok) return businessError(400, API_CODES.invalidParameter, verdict.message, requestId)
  const app = apps.find((candidate) => candidate.wechatAppId === verdict.dto.appId)
  if (!app) {
    return businessError(
      400,
      API_CODES.wechatInvalidAppId,
      'invalid appid: no WeChat app with this appId is configured for this Authing application',
      requestId,
    )
  }
  if (app.wechatAppSecret !== verdict.dto.appSecret) {
    return businessError(
      400,
      API_CODES.wechatInvalidAppSecret,
      'invalid appsecret: the appSecret does not match this WeChat app',
      requestId,
    )
  }
  const token = state.tokens.obtain(app.wechatAppId, state.clock.now())
  const expiresAt = settings.expiresAtAs === 'number' ? token.expiresAt : String(token.expiresAt)
  return success(token.accessToken, expiresAt)
}
