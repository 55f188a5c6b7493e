import type { EmulatorState } from '../emulator-state.js'
import type { EndpointName } from '../endpoint-name.js'
import type { Fault } from '../faults/fault-schema.js'
import { renderBody } from '../faults/render-body.js'
import { renderShortCircuit, type ShortCircuit } from '../faults/render-short-circuit.js'
import { reshapeEnvelope } from '../faults/reshape-envelope.js'
import { jsonResponse } from '../http/json-response.js'
import { linkSignals } from '../http/link-signals.js'
import { redactHeaders, redactJson, redactText } from '../state/redact.js'
import type { RecordedRequest, RequestOutcome } from '../state/request-record.js'
import { type EndpointResult, tooManyRequests } from './envelope.js'
import { type ParsedBody, parseBody } from './parse-body.js'
import { readAppId, readUserToken } from './read-app-id.js'
import { respondNormally } from './respond-normally.js'

/**
 * Serves one request to an emulated endpoint: records it, applies the fault plan, the rate
 * limit and the upstream's checks, and fills in the recorded outcome.
 *
 * @param state - the emulator state
 * @param request - the request
 * @param path - the request's URL path
 * @param endpoint - which endpoint it hit
 * @returns the response; rejects for `reset` and aborted `hang` faults
 */
export async function handleEndpoint(
  state: EmulatorState,
  request: Request,
  path: string,
  endpoint: EndpointName,
): Promise<Response> {
  const body = parseBody(await request.text(), request.headers.get('content-type'))
  const outcome: RequestOutcome = { result: 'pending', status: 0 }
  const entry = recordRequest(state, request, path, endpoint, body, outcome)
  const appId = entry.appId
  const fault = state.faults.next({ endpoint, appId, wechatAppId: bodyWechatAppId(body) })
  if (fault && fault.kind !== 'none') outcome.fault = fault.kind
  try {
    const shortCircuit = fault ? await shortCircuitFor(state, request, entry, fault) : undefined
    if (shortCircuit?.type === 'response') {
      outcome.result = 'fault'
      outcome.status = shortCircuit.response.status
      return shortCircuit.response
    }
    let result: EndpointResult
    if (shortCircuit) {
      outcome.result = 'fault'
      result = shortCircuit.result
    } else {
      const decision = state.limiter.take(appId ?? '', state.clock.now())
      result = decision.allowed
        ? respondNormally(state, request.headers, body, entry.requestId)
        : tooManyRequests(String(decision.retryAfterSeconds))
      outcome.result = classify(result, fault, decision.allowed)
    }
    result = reshapeEnvelope(fault, result)
    const response = renderBody(fault, result, { sleep: state.sleep, signal: state.lifecycle() })
    outcome.status = response.status
    const { statusCode, apiCode } = result.envelope
    if (typeof statusCode === 'number') outcome.statusCode = statusCode
    if (typeof apiCode === 'number') outcome.apiCode = apiCode
    return response
  } finally {
    if (outcome.result === 'pending') outcome.result = 'fault'
    notify(state, entry)
  }
}

/**
 * Waits out a fault's delay, then renders what the fault answers instead of the endpoint, if
 * anything. Only a fault waits (a delay, a hang), so only here are the caller's and the
 * emulator's signals joined.
 */
async function shortCircuitFor(
  state: EmulatorState,
  request: Request,
  entry: RecordedRequest,
  fault: Fault,
): Promise<ShortCircuit | undefined> {
  const linked = linkSignals([request.signal, state.lifecycle()])
  try {
    const delay = (fault.delayMs ?? 0) + (fault.kind === 'latency' ? fault.ms : 0)
    if (delay > 0) await state.sleep(delay, linked.signal)
    return await renderShortCircuit(fault, {
      requestId: entry.requestId,
      now: state.clock.now(),
      path: entry.path,
      signal: linked.signal,
    })
  } finally {
    linked.dispose()
  }
}

function classify(
  result: EndpointResult,
  fault: Fault | undefined,
  allowed: boolean,
): RequestOutcome['result'] {
  if (!allowed) return 'rate-limited'
  if (fault && fault.kind !== 'none' && fault.kind !== 'latency') return 'fault'
  return result.envelope.statusCode === 200 ? 'success' : 'business-error'
}

function recordRequest(
  state: EmulatorState,
  request: Request,
  path: string,
  endpoint: EndpointName | 'other',
  body: ParsedBody,
  outcome: RequestOutcome,
): RecordedRequest {
  const secrets = state.secrets()
  const appId = readAppId(request.headers)
  const entry: RecordedRequest = {
    seq: state.nextSeq(),
    requestId: state.nextRequestId(),
    receivedAt: state.clock.now(),
    method: request.method,
    path,
    endpoint,
    headers: redactHeaders(request.headers),
    ...(appId === undefined ? {} : { appId }),
    authorization: readUserToken(request.headers).scheme,
    ...(body.kind === 'json'
      ? { body: redactJson(body.value, secrets) }
      : body.text === ''
        ? {}
        : { bodyText: redactText(body.text, secrets) }),
    outcome,
  }
  state.record.add(entry)
  return entry
}

/**
 * Records a request to an unknown route and answers it like NestJS does: HTTP 404.
 *
 * @param state - the emulator state
 * @param request - the request
 * @param path - the request's URL path
 * @returns the 404 response
 */
export async function handleUnknownRoute(
  state: EmulatorState,
  request: Request,
  path: string,
): Promise<Response> {
  const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
  const body = parseBody(text, request.headers.get('content-type'))
  const outcome: RequestOutcome = { result: 'not-found', status: 404, statusCode: 404 }
  const entry = recordRequest(state, request, path, 'other', body, outcome)
  notify(state, entry)
  return jsonResponse(
    { statusCode: 404, message: `Cannot ${request.method} ${path}`, error: 'Not Found' },
    404,
  )
}

/** Calls `onRequest`; a listener that throws must not change what the client gets. */
function notify(state: EmulatorState, entry: RecordedRequest): void {
  try {
    state.options.onRequest?.(entry)
  } catch {
    // Ignored on purpose: see the `onRequest` option.
  }
}

function bodyWechatAppId(body: ParsedBody): string | undefined {
  const value = body.kind === 'json' ? body.value : undefined
  if (typeof value !== 'object' || value === null || !('appId' in value)) return undefined
  return typeof value.appId === 'string' ? value.appId : undefined
}
