import * as v from 'valibot'
import { EndpointNameSchema } from '../endpoint-name.js'
import { FaultSchema } from './fault-schema.js'

/** Which requests a rule applies to; every given field must match. */
const matchEntries = {
  /** An id to remove the rule by; generated when absent. */
  id: v.exactOptional(v.pipe(v.string(), v.nonEmpty('id must not be empty'))),
  /** Only this endpoint. */
  endpoint: v.exactOptional(EndpointNameSchema),
  /** Only requests with this Authing app id header. */
  appId: v.exactOptional(v.string()),
  /** Only requests whose body names this WeChat appId. */
  wechatAppId: v.exactOptional(v.string()),
}

/**
 * One fault, applied to the next `times` matching requests (default: all of them), each with
 * probability `probability` (default 1) drawn from the emulator's seeded RNG.
 */
export const SingleFaultRuleSchema = v.strictObject({
  ...matchEntries,
  fault: FaultSchema,
  times: v.exactOptional(
    v.pipe(v.number(), v.safeInteger('times must be a whole number'), v.minValue(1)),
  ),
  probability: v.exactOptional(
    v.pipe(
      v.number(),
      v.minValue(0, 'probability must be between 0 and 1'),
      v.maxValue(1, 'probability must be between 0 and 1'),
    ),
  ),
})

/**
 * Faults applied in order, one per matching request (`{ kind: 'none' }` lets one through);
 * then the rule is spent, or starts again with `loop: true`.
 */
export const SequenceFaultRuleSchema = v.strictObject({
  ...matchEntries,
  sequence: v.pipe(v.array(FaultSchema), v.minLength(1, 'sequence must not be empty')),
  loop: v.exactOptional(v.boolean()),
})

/**
 * A fault rule: one fault (optionally limited or probabilistic) or a sequence of faults. A
 * rule with a `sequence` key is checked as a sequence, any other as a single fault, so errors
 * point at the actual mistake.
 */
export const FaultRuleSchema = v.lazy((input) =>
  typeof input === 'object' && input !== null && 'sequence' in input
    ? SequenceFaultRuleSchema
    : SingleFaultRuleSchema,
)

/**
 * A fault rule.
 *
 * @example
 * ```ts
 * // fail twice with a 503, then succeed
 * const rule: FaultRule = { fault: { kind: 'http-error', status: 503 }, times: 2 }
 * // 5% of requests reset, reproducibly with the emulator's `seed`
 * const soak: FaultRule = { fault: { kind: 'reset' }, probability: 0.05 }
 * ```
 */
export type FaultRule = v.InferOutput<typeof FaultRuleSchema>

/** A list of fault rules, as in a config file or a control-API body. */
export const FaultRulesSchema = v.lazy((input) =>
  Array.isArray(input) ? v.array(FaultRuleSchema) : FaultRuleSchema,
)
