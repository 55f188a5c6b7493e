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
import { decodeUtf8, isJsonObject } from './decode.js'
import type { Sanitize } from './sanitize.js'

/** At most this many issues are reported. */
const MAX_ISSUES = 10

/** What a validation error needs to describe the failed request without leaking anything. */
export interface ValidationContext {
  readonly request: RequestSummary
  /** Created lazily: only failures pay for it. */
  readonly sanitize: () => Sanitize
}

/**
 * Converts valibot issues into {@link ValidationIssue}s: dotted path plus message. valibot's default
 * messages quote the received value, which a server may have filled with an echoed secret, so each
 * string is sanitised and bounded.
 *
 * @param issues - valibot issues
 * @param sanitize - the request's scrubber
 * @param prefix - a path prefix, e.g. `expiresAt` for a bare value
 * @returns at most ten issues
 */
export function toValidationIssues(
  issues: readonly BaseIssue<unknown>[],
  sanitize: Sanitize,
  prefix = '',
): ValidationIssue[] {
  return issues.slice(0, MAX_ISSUES).map((issue) => {
    const keys = (issue.path ?? []).map((item) => String(item.key))
    const path = [prefix, ...keys].filter((key) => key !== '').join('.')
    return { path: sanitize(path, 200), message: sanitize(issue.message) }
  })
}

function invalid(
  message: string,
  status: number,
  context: ValidationContext,
): ResponseValidationError {
  return new ResponseValidationError([{ path: '', message }], {
    request: context.request,
    httpStatus: status,
  })
}

/**
 * Parses and validates a 2xx body as the Authing envelope. The schema is chosen by `statusCode`
 * (the success shape for 200, the failure shape otherwise), which gives precise issues and avoids
 * a union. The validated object is returned as received, unknown fields included.
 *
 * @param body - the buffered response body
 * @param response - the response (status and content-type)
 * @param context - request summary and scrubber for errors
 * @returns the envelope
 * @throws {@link ResponseValidationError} for an oversized body, non-JSON or a wrong shape
 */
export function parseEnvelope(
  body: BufferedBody,
  response: Response,
  context: ValidationContext,
): WechatAccessTokenEnvelope {
  const { status } = response
  if (body.truncated)
    throw invalid('the response body is larger than maxResponseBytes', status, context)
  let json: unknown
  try {
    json = JSON.parse(decodeUtf8(body.bytes))
  } catch {
    const type = context.sanitize()(response.headers.get('content-type') ?? 'none', 100)
    throw invalid(`the response body is not JSON (content-type: ${type})`, status, context)
  }
  if (!isJsonObject(json)) throw invalid('the response body is not a JSON object', status, context)
  const result =
    json.statusCode === SUCCESS_STATUS_CODE
      ? safeParse(WechatAccessTokenSuccessSchema, json)
      : safeParse(WechatAccessTokenFailureSchema, json)
  if (result.success) return result.output
  throw new ResponseValidationError(toValidationIssues(result.issues, context.sanitize()), {
    request: context.request,
    httpStatus: status,
  })
}
