import { describe, expect, test } from 'vitest'
import { AuthingApiError } from '../errors/authing-api-error.js'
import { HttpError } from '../errors/http-error.js'
import { NetworkError } from '../errors/network-error.js'
import { isPermanentTokenError } from './permanent-error.js'

function apiError(statusCode: number, apiCode?: number) {
  return new AuthingApiError({
    statusCode,
    apiCode,
    requestId: undefined,
    httpStatus: 200,
    serverMessage: 'x',
  })
}

describe('isPermanentTokenError', () => {
  test.each([
    ['a bad secret (4xx business code)', apiError(400)],
    ['an unknown app (404)', apiError(404)],
    ['WeChat 40125 (invalid AppSecret) even with a 5xx status', apiError(500, 40125)],
    ['WeChat 40164 (IP not whitelisted)', apiError(500, 40164)],
    ['WeChat 45009 (daily quota reached)', apiError(500, 45009)],
  ])('is true for %s', (_label, error) => {
    expect(isPermanentTokenError(error)).toBe(true)
  })

  test.each([
    ['throttling (429)', apiError(429)],
    ['a 5xx business code', apiError(500)],
    ['WeChat -1 (busy)', apiError(400, -1)],
    ['an HTTP error', new HttpError({ status: 502, requestId: undefined, bodyExcerpt: '' })],
    ['a network error', new NetworkError()],
    ['anything else', new Error('x')],
  ])('is false for %s', (_label, error) => {
    expect(isPermanentTokenError(error)).toBe(false)
  })
})
