import * as v from 'valibot'
import type { EmulatorFaults } from '../emulator.js'
import type { EndpointName } from '../endpoint-name.js'
import type { SeededRandom } from '../state/seeded-random.js'
import { type FaultRule, FaultRuleSchema } from './fault-rule-schema.js'
import type { Fault } from './fault-schema.js'

/** What a rule is matched against. */
export interface FaultContext {
  /** The endpoint hit. */
  readonly endpoint: EndpointName
  /** The Authing app id header, if any. */
  readonly appId: string | undefined
  /** The body's WeChat `appId`, if it parsed as a string. */
  readonly wechatAppId: string | undefined
}

/** A rule as the plan holds it, with what is left of it. */
export interface ActiveFaultRule {
  /** The rule's id. */
  readonly id: string
  /** The rule as added. */
  readonly rule: FaultRule
  /** How many more times a `times`-limited rule fires; `null` when unlimited. */
  readonly remaining: number | null
  /** The next step of a sequence (0-based); `null` for single-fault rules. */
  readonly nextStep: number | null
  /** How many times it fired so far. */
  readonly fired: number
}

/**
 * The ordered list of fault rules; the first rule that matches and fires wins. What the emulator
 * exposes as `faults`, plus picking the fault for a request.
 */
export interface FaultPlan extends EmulatorFaults {
  /** Picks the fault for one request, consuming it; `undefined` means respond normally. */
  next(context: FaultContext): Fault | undefined
}

interface State {
  id: string
  rule: FaultRule
  remaining: number | null
  step: number
  fired: number
}

/**
 * Creates a fault plan.
 *
 * @param random - decides probabilistic rules; seeded, so runs are reproducible
 * @returns an empty plan
 */
export function createFaultPlan(random: SeededRandom): FaultPlan {
  let rules: State[] = []
  let counter = 0

  const add = (input: FaultRule | readonly FaultRule[]): string[] => {
    const list = isList(input) ? input : [input]
    const parsed = list.map((rule) => {
      const result = v.safeParse(FaultRuleSchema, rule)
      if (!result.success) throw new TypeError(`Invalid fault rule: ${v.summarize(result.issues)}`)
      return result.output
    })
    const added = parsed.map((rule) => {
      counter++
      const id = rule.id ?? `fault-${counter}`
      const remaining = 'fault' in rule ? (rule.times ?? null) : null
      return { id, rule, remaining, step: 0, fired: 0 }
    })
    rules.push(...added)
    return added.map((state) => state.id)
  }

  return {
    add,
    set(list) {
      rules = []
      return add(list)
    },
    remove(id) {
      const before = rules.length
      rules = rules.filter((state) => state.id !== id)
      return rules.length !== before
    },
    clear() {
      rules = []
    },
    list: () =>
      rules.map((state) => ({
        id: state.id,
        rule: state.rule,
        remaining: state.remaining,
        nextStep: 'sequence' in state.rule ? state.step : null,
        fired: state.fired,
      })),
    next(context) {
      for (const state of rules) {
        if (!matches(state.rule, context)) continue
        const fault = fire(state, random)
        if (fault) return fault
      }
      return undefined
    },
  }
}

function isList(input: FaultRule | readonly FaultRule[]): input is readonly FaultRule[] {
  return Array.isArray(input)
}

function matches(rule: FaultRule, context: FaultContext): boolean {
  return (
    (rule.endpoint === undefined || rule.endpoint === context.endpoint) &&
    (rule.appId === undefined || rule.appId === context.appId) &&
    (rule.wechatAppId === undefined || rule.wechatAppId === context.wechatAppId)
  )
}

function fire(state: State, random: SeededRandom): Fault | undefined {
  const { rule } = state
  if ('sequence' in rule) {
    if (state.step >= rule.sequence.length) {
      if (!rule.loop) return undefined
      state.step = 0
    }
    const fault = rule.sequence[state.step]
    state.step++
    state.fired++
    return fault
  }
  if (state.remaining === 0) return undefined
  if (rule.probability !== undefined && !(random.next() < rule.probability)) return undefined
  if (state.remaining !== null) state.remaining--
  state.fired++
  return rule.fault
}
