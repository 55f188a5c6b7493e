import { describe, expect, test } from 'vitest'
import { createSeededRandom } from '../state/seeded-random.js'
import { createFaultPlan, type FaultContext } from './fault-plan.js'
import type { FaultRule } from './fault-rule-schema.js'

const info: FaultContext = {
  endpoint: 'get-wechat-access-token-info',
  appId: 'app-1',
  wechatAppId: 'wx1',
}
const deprecated: FaultContext = { ...info, endpoint: 'get-wechat-access-token' }

const kinds = (plan: ReturnType<typeof createFaultPlan>, n: number, context = info) =>
  Array.from({ length: n }, () => plan.next(context)?.kind ?? 'normal')

describe('createFaultPlan', () => {
  test('with no rules every request is normal', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    expect(kinds(plan, 3)).toEqual(['normal', 'normal', 'normal'])
  })

  test('a rule with times fails that many requests, then lets them through', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    plan.add({ fault: { kind: 'http-error', status: 503 }, times: 2 })
    expect(kinds(plan, 4)).toEqual(['http-error', 'http-error', 'normal', 'normal'])
    expect(plan.list()[0]).toMatchObject({ remaining: 0, fired: 2 })
  })

  test('a rule without times applies to every matching request', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    plan.add({ fault: { kind: 'reset' } })
    expect(kinds(plan, 3)).toEqual(['reset', 'reset', 'reset'])
  })

  test('a sequence applies its steps in order, none included, then is spent', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    plan.add({ sequence: [{ kind: 'reset' }, { kind: 'none' }, { kind: 'hang' }] })
    expect(kinds(plan, 4)).toEqual(['reset', 'none', 'hang', 'normal'])
  })

  test('a looping sequence starts over', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    plan.add({ sequence: [{ kind: 'reset' }, { kind: 'none' }], loop: true })
    expect(kinds(plan, 5)).toEqual(['reset', 'none', 'reset', 'none', 'reset'])
  })

  test('the first matching rule that fires wins; filters narrow matching', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    plan.add([
      { endpoint: 'get-wechat-access-token', fault: { kind: 'hang' } },
      { appId: 'other-app', fault: { kind: 'reset' } },
      { wechatAppId: 'wx1', fault: { kind: 'malformed-json' }, times: 1 },
      { fault: { kind: 'redirect' } },
    ])
    expect(plan.next(deprecated)?.kind).toBe('hang')
    expect(plan.next(info)?.kind).toBe('malformed-json')
    expect(plan.next(info)?.kind).toBe('redirect')
    expect(plan.next({ ...info, appId: 'other-app' })?.kind).toBe('reset')
  })

  test('a probabilistic rule fires at about its rate, reproducibly for a seed', () => {
    const run = (seed: number) => {
      const plan = createFaultPlan(createSeededRandom(seed))
      plan.add({ fault: { kind: 'http-error' }, probability: 0.05 })
      return kinds(plan, 10_000)
    }
    const first = run(42)
    const failures = first.filter((kind) => kind === 'http-error').length
    expect(failures).toBeGreaterThan(400)
    expect(failures).toBeLessThan(600)
    expect(run(42)).toEqual(first)
    expect(run(43)).not.toEqual(first)
  })

  test('probability 0 never fires and 1 always fires', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    plan.add({ fault: { kind: 'reset' }, probability: 0 })
    expect(kinds(plan, 50).every((kind) => kind === 'normal')).toBe(true)
    plan.set([{ fault: { kind: 'reset' }, probability: 1 }])
    expect(kinds(plan, 50).every((kind) => kind === 'reset')).toBe(true)
  })

  test('rules can be listed, removed by id and cleared', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    const [generated, named] = plan.add([
      { fault: { kind: 'reset' } },
      { id: 'slow', fault: { kind: 'latency', ms: 10 } },
    ])
    expect(generated).toMatch(/^fault-\d+$/)
    expect(named).toBe('slow')
    expect(plan.list().map((rule) => rule.id)).toEqual([generated, 'slow'])
    expect(plan.remove('slow')).toBe(true)
    expect(plan.remove('slow')).toBe(false)
    plan.clear()
    expect(plan.list()).toEqual([])
  })

  test('rejects invalid rules with a message that says what is wrong', () => {
    const plan = createFaultPlan(createSeededRandom(1))
    const bad = [
      { fault: { kind: 'explode' } },
      { fault: { kind: 'http-error', status: 200 } },
      { sequence: [] },
      { fault: { kind: 'reset' }, probability: 2 },
    ]
    for (const rule of bad) {
      // Deliberately untyped input, as a control-API body would be.
      expect(() => plan.add(rule as unknown as FaultRule)).toThrow(/^Invalid fault rule: /)
    }
    expect(plan.list()).toEqual([])
  })
})
