import { describe, expectTypeOf, test } from 'vitest'
import {
  createEmulator,
  DEMO_APP,
  type EmulatorApp,
  type EmulatorConfig,
  type EmulatorOptions,
  type Fault,
  type FaultRule,
  type RecordedRequest,
} from './index.js'
import type { EmulatorServerOptions } from './node.js'

describe('public types', () => {
  test('an emulator is a fetch handler and can stand in for fetch', () => {
    const emulator = createEmulator()
    expectTypeOf(emulator).toExtend<(request: Request) => Promise<Response>>()
    expectTypeOf(emulator).toExtend<(input: string, init?: RequestInit) => Promise<Response>>()
    expectTypeOf(emulator.fetch).toExtend<(request: Request) => Promise<Response>>()
  })

  test('DEMO_APP is an EmulatorApp', () => {
    expectTypeOf(DEMO_APP).toExtend<EmulatorApp>()
  })

  test('a parsed config file is valid emulator options', () => {
    expectTypeOf<EmulatorConfig>().toExtend<EmulatorOptions>()
    expectTypeOf<EmulatorOptions>().toExtend<EmulatorServerOptions>()
  })

  test('faults are told apart by kind', () => {
    expectTypeOf<Extract<Fault, { kind: 'latency' }>['ms']>().toEqualTypeOf<number>()
    expectTypeOf<Fault['kind']>().toEqualTypeOf<
      | 'none'
      | 'latency'
      | 'http-error'
      | 'rate-limit'
      | 'reset'
      | 'hang'
      | 'malformed-json'
      | 'truncated'
      | 'wrong-types'
      | 'redirect'
      | 'content-type'
      | 'huge-body'
      | 'slow-drip'
      | 'missing-data'
      | 'extra-fields'
      | 'business-error'
      | 'expires-at'
    >()
    expectTypeOf({
      fault: { kind: 'http-error', status: 503 },
      times: 2,
    } as const).toExtend<FaultRule>()
    // @ts-expect-error: a kind the emulator does not know
    const bad: Fault = { kind: 'explode' }
    void bad
  })

  test('recorded requests expose their outcome', () => {
    expectTypeOf<RecordedRequest['outcome']['status']>().toEqualTypeOf<number>()
    expectTypeOf<RecordedRequest['endpoint']>().toEqualTypeOf<
      'get-wechat-access-token-info' | 'get-wechat-access-token' | 'other'
    >()
  })
})
