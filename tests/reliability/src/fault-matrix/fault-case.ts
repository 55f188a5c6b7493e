import type { Fault, FaultRule } from '@authing-edge/emulator'
import type { RawBehaviour } from '../support/raw-http-server.ts'
import type { MatrixEnvironment } from './environment.ts'
import { type ClientTiming, MATRIX_TIMING } from './timing.ts'

/** The error classes a call can end with. */
export type ErrorName =
  | 'HttpError'
  | 'AuthingApiError'
  | 'NetworkError'
  | 'TimeoutError'
  | 'ResponseValidationError'

/** Numeric fields of a typed error worth checking (`status`, `statusCode`, `httpStatus`...). */
export type ErrorDetails = Readonly<Record<string, number>>

/** What a case must end with. */
export type ExpectedOutcome =
  | { readonly outcome: 'success'; readonly attempts: number }
  | {
      readonly outcome: 'error'
      readonly error: ErrorName
      readonly attempts: number
      readonly details?: ErrorDetails
    }

/** A bound on a number a case reports besides its outcome. */
export interface ExtraBound {
  /** At most this much. */
  readonly max?: number
  /** Exactly this much. */
  readonly equals?: number
}

/** What arranging a case gives the runner. */
export interface Arranged {
  /** Where the client sends its request. */
  readonly appHost: string
  /** Timing for this case, when it differs from the matrix default. */
  readonly timing?: ClientTiming
  /** Numbers read once the call is over (bytes a server wrote, requests a trap saw). */
  readonly extras?: () => Promise<Record<string, number>> | Record<string, number>
}

/** One row of the fault matrix. */
export interface FaultCase {
  /** Stable id, kebab-case. */
  readonly id: string
  /** The fault, as the report names it. */
  readonly fault: string
  /** Who injects it. */
  readonly via: 'emulator' | 'raw socket' | 'nothing listening' | 'none'
  readonly expected: ExpectedOutcome
  /** Bounds on the case's extras, checked with the outcome. */
  readonly extraBounds?: Readonly<Record<string, ExtraBound>>
  /** Programs the fault and says where to send the request. */
  arrange(env: MatrixEnvironment): Promise<Arranged>
}

/**
 * The outcome of a call whose every attempt ran into the matrix's per-attempt timeout.
 *
 * @param attempts - how many attempts the call made
 * @returns the expected outcome
 */
export function timedOut(attempts: number): ExpectedOutcome {
  return {
    outcome: 'error',
    error: 'TimeoutError',
    attempts,
    details: { timeout: MATRIX_TIMING.timeout },
  }
}

/**
 * A fault on every token request, for as long as the case runs.
 *
 * @param fault - the fault
 * @returns the rules, for {@link viaEmulator}
 */
export function always(fault: Fault): FaultRule[] {
  return [{ endpoint: 'get-wechat-access-token-info', fault }]
}

/**
 * A fault on the next `count` token requests; the ones after are answered normally.
 *
 * @param count - how many requests fail
 * @param fault - the fault
 * @returns the rules, for {@link viaEmulator}
 */
export function times(count: number, fault: Fault): FaultRule[] {
  return [{ endpoint: 'get-wechat-access-token-info', fault, times: count }]
}

/**
 * Arranges an emulator-injected fault: replaces the emulator's fault rules for this case.
 *
 * @param rules - the rules; empty for a clean answer
 * @param extras - numbers to read once the call is over, if any
 * @returns the arrange function
 */
export function viaEmulator(
  rules: readonly FaultRule[],
  extras?: (env: MatrixEnvironment) => Record<string, number>,
): FaultCase['arrange'] {
  return async (env) => {
    env.emulator.emulator.faults.set(rules)
    return extras === undefined
      ? { appHost: env.emulator.url }
      : { appHost: env.emulator.url, extras: () => extras(env) }
  }
}

/**
 * Arranges a byte-level misbehaviour the emulator cannot produce: a raw socket server that
 * behaves as told.
 *
 * @param behaviour - what the server does with the request
 * @returns the arrange function
 */
export function viaRaw(behaviour: RawBehaviour): FaultCase['arrange'] {
  return async (env) => ({ appHost: (await env.raw(behaviour)).url })
}

/**
 * Describes an expected outcome for the report, e.g. `HttpError (status 502) after 3 attempts`.
 *
 * @param expected - the outcome
 * @returns a short sentence
 */
export function describeExpected(expected: ExpectedOutcome): string {
  const attempts = `${expected.attempts} attempt${expected.attempts === 1 ? '' : 's'}`
  if (expected.outcome === 'success') {
    return expected.attempts === 1 ? 'success' : `success after ${attempts}`
  }
  return `${expected.error}${describeDetails(expected.details)} after ${attempts}`
}

/**
 * @param details - error fields
 * @returns ` (status 502)` or an empty string
 */
export function describeDetails(details: ErrorDetails | undefined): string {
  const entries = Object.entries(details ?? {})
  return entries.length === 0 ? '' : ` (${entries.map(([k, v]) => `${k} ${v}`).join(', ')})`
}
