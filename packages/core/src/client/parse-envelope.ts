import {
  SUCCESS_STATUS_CODE,
  type WechatAccessTokenEnvelope,
  WechatAccessTokenFailureSchema,
  WechatAccessTokenSuccessSchema,
} from '@authing-edge/types'
import { type BaseIssue, safeParse } from 'valibot'
import type { RequestSummary } from '../errors/authing-error.js'
import {
  ResponseValidationError,
  type ValidationIssue,
} from '../errors/response-validation-error.js'
import type { BufferedBody } from './buffered-fetch.js'
import { isRecord } from './is-record.js'
import { createSanitizer, type Sanitize } from './sanitize.js'

/** What an error about one request needs: where it went and which secrets to scrub. */
export interface RequestContext {
  readonly request: RequestSummary
  /** The secrets of the request: scrubbed from every string put into an error. */
  readonly secrets: readonly (string | undefined)[]
}

const NOT_AN_OBJECT = 'the response body is not a JSON object'

/**
 * Parses JSON without throwing.
 *
 * @param text - a response body
 * @returns the parsed value, or `undefined` when the text is not JSON
 */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Converts valibot issues into at most ten {@link ValidationIssue}s: dotted path plus message.
 * valibot's default messages quote the received value, which a server may have filled with an
 * echoed secret, so each string is sanitised and bounded.
 */
function toValidationIssues(
  issues: readonly BaseIssue<unknown>[],
  sanitize: Sanitize,
): ValidationIssue[] {
  return issues.slice(0, 10).map((issue) => ({
    path: sanitize(issue.path?.map((item) => String(item.key)).join('.') ?? '', 200),
    message: sanitize(issue.message),
  }))
}

/**
 * Validates a parsed value as the Authing envelope. The schema is chosen by `statusCode` (the
 * success shape for 200, the failure shape otherwise), which gives precise issues and avoids a
 * union. The validated object is returned as received, unknown fields included.
 *
 * @param json - the parsed body, or whatever a token source answered
 * @param secrets - scrubbed from the issues' messages
 * @returns the envelope, or the list of what is wrong with the value (an envelope is never an
 *   array)
 */
export function checkEnvelope(
  json: unknown,
  secrets: RequestContext['secrets'],
): WechatAccessTokenEnvelope | ValidationIssue[] {
  if (!isRecord(json)) return [{ path: '', message: NOT_AN_OBJECT }]
  const result =
    json.statusCode === SUCCESS_STATUS_CODE
      ? safeParse(WechatAccessTokenSuccessSchema, json)
      : safeParse(WechatAccessTokenFailureSchema, json)
  return result.success
    ? result.output
    : toValidationIssues(result.issues, createSanitizer(secrets))
}

/**
 * Parses and validates a 2xx body as the Authing envelope (see {@link checkEnvelope}).
 *
 * @param body - the buffered response body
 * @param response - the response (status and content-type)
 * @param context - request summary and secrets, for errors
 * @returns the envelope
 * @throws {@link ResponseValidationError} for an oversized body, non-JSON or a wrong shape
 */
export function parseEnvelope(
  body: BufferedBody,
  response: Response,
  context: RequestContext,
): WechatAccessTokenEnvelope {
  let issues: ValidationIssue[]
  if (body.truncated) {
    issues = [{ path: '', message: 'the response body is larger than maxResponseBytes' }]
  } else {
    const json = parseJson(body.text)
    if (json === undefined) {
      const type = createSanitizer(context.secrets)(
        response.headers.get('content-type') ?? 'none',
        100,
      )
      issues = [{ path: '', message: `the response body is not JSON (content-type: ${type})` }]
    } else {
      const checked = checkEnvelope(json, context.secrets)
      if (!Array.isArray(checked)) return checked
      issues = checked
    }
  }
  throw new ResponseValidationError(issues, {
    request: context.request,
    httpStatus: response.status,
  })
}
