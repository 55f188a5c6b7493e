import * as v from 'valibot'
import type { EndpointName } from '../endpoint-name.js'
import type { FaultRule } from '../faults/fault-rule-schema.js'
import type { SettingsPatch } from '../settings-schema.js'
import type { RecordedRequest, RequestCounts } from '../state/request-record.js'
import type { CachedWechatToken } from '../state/token-store.js'
import { CONTROL_PREFIX } from './control-api.js'
import {
  ClockViewSchema,
  CountsSchema,
  ErrorResponseSchema,
  IdsResponseSchema,
  InvalidatedResponseSchema,
  JsonObjectSchema,
  OkResponseSchema,
  RequestsResponseSchema,
  TokensResponseSchema,
} from './control-response-schemas.js'
import type { ClockCommand } from './control-schemas.js'

/** Options of {@link createControlClient}. */
export interface ControlClientOptions {
  /** The fetch to use, called unbound. @default globalThis.fetch, read at call time */
  readonly fetch?: (input: Request) => Promise<Response>
}

/** The clock as the control API reports it. */
export interface ClockView {
  /** The emulator's current time, epoch milliseconds. */
  readonly now: number
  /** The same in whole seconds. */
  readonly nowSeconds: number
  /** Whether the clock stands still until moved. */
  readonly frozen: boolean
}

/** A typed client of an emulator's control API, for tests in other processes and runtimes. */
export interface ControlClient {
  /** Appends fault rules; returns their ids. */
  addFaults(rules: FaultRule | readonly FaultRule[]): Promise<string[]>
  /** Replaces every fault rule; returns their ids. */
  setFaults(rules: readonly FaultRule[]): Promise<string[]>
  /** Removes every fault rule. */
  clearFaults(): Promise<void>
  /** Moves or freezes the clock. */
  clock(command?: ClockCommand): Promise<ClockView>
  /** Moves the clock forward by `ms`. */
  advanceClock(ms: number): Promise<ClockView>
  /** The recorded requests, optionally for one endpoint. */
  requests(endpoint?: EndpointName): Promise<RecordedRequest[]>
  /** Requests received per endpoint. */
  counts(): Promise<RequestCounts>
  /** Forgets recorded requests and counts. */
  clearRequests(): Promise<void>
  /** The server-side token cache. */
  tokens(): Promise<CachedWechatToken[]>
  /** Drops one app's token (or all); returns how many. */
  invalidateTokens(wechatAppId?: string): Promise<number>
  /** Changes settings; returns them with secrets redacted. */
  updateSettings(patch: SettingsPatch): Promise<Record<string, unknown>>
  /** Back to the initial state. */
  reset(): Promise<void>
}

/**
 * Creates a client of the control API of the emulator at `baseUrl`.
 *
 * @param baseUrl - the emulator's URL, e.g. `http://127.0.0.1:8787`
 * @param options - the fetch to use
 * @returns the client
 * @example
 * ```ts
 * import { createControlClient } from '@authing-edge/emulator'
 *
 * const control = createControlClient('http://127.0.0.1:8787')
 * await control.addFaults({ sequence: [{ kind: 'reset' }, { kind: 'http-error', status: 503 }] })
 * await control.advanceClock(7_000_000)
 * ```
 */
export function createControlClient(
  baseUrl: string | URL,
  options: ControlClientOptions = {},
): ControlClient {
  const root = String(baseUrl).replace(/\/+$/, '') + CONTROL_PREFIX
  const call = async <S extends v.GenericSchema>(
    method: string,
    path: string,
    schema: S,
    body?: unknown,
  ): Promise<v.InferOutput<S>> => {
    const fetcher = options.fetch ?? globalThis.fetch
    const request = new Request(root + path, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    })
    const response = await fetcher(request)
    const json: unknown = await response.json().catch(() => undefined)
    if (!response.ok) {
      const error = v.safeParse(ErrorResponseSchema, json)
      const detail = error.success ? `: ${error.output.error}` : ''
      throw new Error(
        `Emulator control API: ${method} ${CONTROL_PREFIX}${path} failed with HTTP ${response.status}${detail}`,
      )
    }
    const result = v.safeParse(schema, json)
    if (!result.success) {
      throw new Error(
        `Emulator control API: unexpected answer to ${method} ${CONTROL_PREFIX}${path}: ${v.summarize(result.issues)}`,
      )
    }
    return result.output
  }
  const clock = (command: ClockCommand = {}): Promise<ClockView> =>
    Object.keys(command).length === 0
      ? call('GET', '/clock', ClockViewSchema)
      : call('POST', '/clock', ClockViewSchema, command)

  return {
    addFaults: async (rules) => (await call('POST', '/faults', IdsResponseSchema, rules)).ids,
    setFaults: async (rules) => (await call('PUT', '/faults', IdsResponseSchema, rules)).ids,
    clearFaults: async () => void (await call('DELETE', '/faults', OkResponseSchema)),
    clock,
    advanceClock: (ms) => clock({ advanceMs: ms }),
    requests: async (endpoint) => {
      const query = endpoint ? `?endpoint=${encodeURIComponent(endpoint)}` : ''
      return (await call('GET', `/requests${query}`, RequestsResponseSchema)).requests
    },
    counts: () => call('GET', '/counts', CountsSchema),
    clearRequests: async () => void (await call('DELETE', '/requests', OkResponseSchema)),
    tokens: async () => (await call('GET', '/tokens', TokensResponseSchema)).tokens,
    invalidateTokens: async (wechatAppId) => {
      const path =
        wechatAppId === undefined ? '/tokens' : `/tokens/${encodeURIComponent(wechatAppId)}`
      return (await call('DELETE', path, InvalidatedResponseSchema)).invalidated
    },
    updateSettings: (patch) => call('PATCH', '/settings', JsonObjectSchema, patch),
    reset: async () => void (await call('POST', '/reset', OkResponseSchema)),
  }
}
