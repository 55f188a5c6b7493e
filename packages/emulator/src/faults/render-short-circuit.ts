import { API_CODES } from '../endpoint/api-codes.js'
import { businessError, type EndpointResult, tooManyRequests } from '../endpoint/envelope.js'
import { EmulatedNetworkError } from '../http/emulated-network-error.js'
import { JSON_CONTENT_TYPE, jsonResponse } from '../http/json-response.js'
import { waitForAbort } from '../http/sleep.js'
import type { Fault } from './fault-schema.js'
import { gatewayErrorPage, reasonPhrase } from './http-error-page.js'

/** What rendering a fault needs to know about the request. */
export interface FaultRequestContext {
  /** The request's id. */
  readonly requestId: string
  /** Emulator-clock time, epoch milliseconds. */
  readonly now: number
  /** The endpoint path, for redirects. */
  readonly path: string
  /** Aborts when the client goes away or the emulator resets. */
  readonly signal: AbortSignal
}

/** A fault answered without running the endpoint: a response, or an envelope to send. */
export type ShortCircuit =
  | { readonly type: 'response'; readonly response: Response }
  | { readonly type: 'result'; readonly result: EndpointResult }

/**
 * Answers the faults that replace the endpoint entirely. Rejects for `reset` (with an
 * {@link EmulatedNetworkError}) and for `hang` (once the signal aborts).
 *
 * @param fault - the fault picked for this request
 * @param context - the request context
 * @returns the answer, or `undefined` when the fault shapes a normal answer instead
 */
export async function renderShortCircuit(
  fault: Fault,
  context: FaultRequestContext,
): Promise<ShortCircuit | undefined> {
  switch (fault.kind) {
    case 'reset':
      throw new EmulatedNetworkError('connection reset by an injected fault')
    case 'hang':
      return waitForAbort(context.signal)
    case 'http-error':
      return { type: 'response', response: httpError(fault.status ?? 502, fault.body ?? 'html') }
    case 'rate-limit':
      return { type: 'result', result: tooManyRequests(retryAfter(fault, context.now)) }
    case 'malformed-json':
      return {
        type: 'response',
        response: new Response(fault.body ?? '{"statusCode":200,"message":', {
          status: 200,
          headers: { 'content-type': JSON_CONTENT_TYPE },
        }),
      }
    case 'redirect':
      return {
        type: 'response',
        response: new Response(null, {
          status: fault.status ?? 302,
          headers: {
            location: fault.location ?? `https://redirected.example.com${context.path}`,
          },
        }),
      }
    case 'business-error':
      return {
        type: 'result',
        result: businessError(
          fault.statusCode ?? 500,
          fault.apiCode ?? API_CODES.systemBusy,
          fault.message ?? '系统繁忙，请稍后再试 (emulated business error)',
          context.requestId,
        ),
      }
    default:
      return undefined
  }
}

function httpError(status: number, body: 'html' | 'json' | 'text' | 'empty'): Response {
  const reason = reasonPhrase(status)
  switch (body) {
    case 'html':
      return new Response(gatewayErrorPage(status), {
        status,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      })
    case 'json':
      return jsonResponse({ statusCode: status, message: reason }, status)
    case 'text':
      return new Response(reason, { status, headers: { 'content-type': 'text/plain' } })
    case 'empty':
      return new Response(null, { status })
  }
}

function retryAfter(
  fault: Extract<Fault, { kind: 'rate-limit' }>,
  nowMs: number,
): string | undefined {
  const value = fault.retryAfter ?? 1
  if (value === false) return undefined
  if (typeof value === 'string') return value
  if (fault.retryAfterFormat === 'http-date') return new Date(nowMs + value * 1000).toUTCString()
  return String(Math.ceil(value))
}
