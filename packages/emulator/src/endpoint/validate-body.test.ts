import { describe, expect, test } from 'vitest'
import { parseBody } from './parse-body.js'
import { validateBody } from './validate-body.js'

const SECRET = 'do-not-echo-this-secret'
const verdict = (text: string, contentType: string | null = 'application/json') =>
  validateBody(parseBody(text, contentType))

describe('parseBody', () => {
  test('parses JSON content types only, and reads an empty JSON body as {}', () => {
    expect(parseBody('{"a":1}', 'application/json; charset=utf-8')).toEqual({
      kind: 'json',
      value: { a: 1 },
    })
    expect(parseBody('{"a":1}', 'application/vnd.api+json')).toMatchObject({ kind: 'json' })
    expect(parseBody('', 'application/json')).toEqual({ kind: 'json', value: {} })
    expect(parseBody('{"a":1}', 'text/plain')).toEqual({ kind: 'ignored', text: '{"a":1}' })
    expect(parseBody('{"a":1}', null)).toEqual({ kind: 'ignored', text: '{"a":1}' })
    expect(parseBody('{"a":', 'application/json')).toEqual({ kind: 'malformed', text: '{"a":' })
  })
})

describe('validateBody', () => {
  test('accepts a complete body', () => {
    expect(verdict(JSON.stringify({ appId: 'wx1', appSecret: SECRET }))).toEqual({
      ok: true,
      dto: { appId: 'wx1', appSecret: SECRET },
    })
  })

  test.each([
    ['malformed JSON', `{"appId":"wx1","appSecret":"${SECRET}"`, /is not valid JSON/],
    ['an array', '[]', /must be a JSON object/],
    ['a string', '"hello"', /must be a JSON object/],
    ['null', 'null', /must be a JSON object/],
    ['an empty object', '{}', /^appId is required; appSecret is required$/],
    ['a missing appSecret', '{"appId":"wx1"}', /^appSecret is required$/],
    ['an empty appId', `{"appId":"","appSecret":"${SECRET}"}`, /^appId must not be empty/],
    ['an empty appSecret', '{"appId":"wx1","appSecret":""}', /^appSecret must not be empty/],
    ['a numeric appId', `{"appId":123,"appSecret":"${SECRET}"}`, /^appId must be a string$/],
    ['a null appSecret', '{"appId":"wx1","appSecret":null}', /^appSecret must be a string$/],
  ])('rejects %s with a message that says what is wrong', (_label, text, message) => {
    const result = verdict(text)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.message).toMatch(message)
    expect(result.message).not.toContain(SECRET)
  })

  test('explains that a body without a JSON content type was ignored', () => {
    const result = verdict(JSON.stringify({ appId: 'wx1', appSecret: SECRET }), 'text/plain')
    expect(result).toEqual({
      ok: false,
      message:
        'appId is required; appSecret is required (the body was ignored: send it with "content-type: application/json")',
    })
  })
})
