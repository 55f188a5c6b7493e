import type { EndpointResult, Envelope } from '../endpoint/envelope.js'
import type { Fault, WrongTypeField } from './fault-schema.js'

const DEFAULT_EXTRA_ENVELOPE = { traceId: 'emulator-extra-field', extra: { nested: true } }
const DEFAULT_EXTRA_DATA = { scope: 'snsapi_base', refreshedBy: 'emulator' }

/**
 * Applies the faults that change the JSON envelope (`wrong-types`, `missing-data`,
 * `extra-fields`, `expires-at`). `data`-level changes only apply when the envelope has a
 * `data` object (a success); other faults leave the result as it is.
 *
 * @param fault - the fault picked for this request, if any
 * @param result - the endpoint's normal result
 * @returns the reshaped result
 */
export function reshapeEnvelope(fault: Fault | undefined, result: EndpointResult): EndpointResult {
  if (!fault) return result
  const envelope: Envelope = { ...result.envelope }
  const data = isObject(envelope.data) ? { ...envelope.data } : undefined
  if (data) envelope.data = data
  switch (fault.kind) {
    case 'wrong-types':
      breakType(envelope, data, fault.field ?? 'accessToken')
      break
    case 'missing-data':
      if (fault.data === 'empty') envelope.data = {}
      else if (fault.data === 'null') envelope.data = null
      else delete envelope.data
      break
    case 'extra-fields':
      Object.assign(envelope, fault.envelope ?? DEFAULT_EXTRA_ENVELOPE)
      if (data) Object.assign(data, fault.data ?? DEFAULT_EXTRA_DATA)
      break
    case 'expires-at':
      if (data && data.expiresAt !== undefined) {
        const seconds = Number(data.expiresAt)
        const ms = seconds * 1000
        data.expiresAt = {
          'seconds-string': String(seconds),
          'seconds-number': seconds,
          'milliseconds-string': String(ms),
          'milliseconds-number': ms,
        }[fault.format]
      }
      break
    default:
      return result
  }
  return { ...result, envelope }
}

function breakType(
  envelope: Envelope,
  data: Record<string, unknown> | undefined,
  field: WrongTypeField,
): void {
  switch (field) {
    case 'statusCode':
      envelope.statusCode = String(envelope.statusCode)
      break
    case 'message':
      envelope.message = 12345
      break
    case 'apiCode':
      envelope.apiCode = String(envelope.apiCode ?? 1000)
      break
    case 'requestId':
      envelope.requestId = 42
      break
    case 'data':
      envelope.data = 'data-should-be-an-object'
      break
    case 'accessToken':
      if (data) data.accessToken = 1234567890
      break
    case 'expiresAt':
      if (data) data.expiresAt = true
      break
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
