import { type GetWechatAccessTokenDto, GetWechatAccessTokenDtoSchema } from '@authing-edge/types'
import * as v from 'valibot'
import type { ParsedBody } from './parse-body.js'

/** The verdict on a request body. */
export type BodyVerdict =
  | { readonly ok: true; readonly dto: GetWechatAccessTokenDto }
  | { readonly ok: false; readonly message: string }

const IGNORED_HINT = ' (the body was ignored: send it with "content-type: application/json")'

/**
 * Validates a request body against `GetWechatAccessTokenDto` and explains every problem in a
 * message that never quotes the body (it may hold the appSecret).
 *
 * @param body - the parsed body
 * @returns the DTO, or a message that says what is wrong
 */
export function validateBody(body: ParsedBody): BodyVerdict {
  if (body.kind === 'malformed') {
    return {
      ok: false,
      message:
        'The request body is not valid JSON: send {"appId": "<WeChat AppId>", "appSecret": "<WeChat AppSecret>"}',
    }
  }
  const value = body.kind === 'json' ? body.value : {}
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      message: 'The request body must be a JSON object with "appId" and "appSecret"',
    }
  }
  const result = v.safeParse(GetWechatAccessTokenDtoSchema, value)
  if (result.success) return { ok: true, dto: result.output }
  const problems = result.issues.map(describeIssue)
  const message = [...new Set(problems)].join('; ')
  return { ok: false, message: body.kind === 'ignored' ? message + IGNORED_HINT : message }
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = v.getDotPath(issue) ?? 'body'
  if (issue.type === 'object' && issue.input === undefined && path !== 'body') {
    return `${path} is required`
  }
  return issue.message
}
