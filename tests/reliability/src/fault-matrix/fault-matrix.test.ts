import { join } from 'node:path'
import * as v from 'valibot'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { PACKAGE_ROOT, writeFragment } from '../support/results.ts'
import { runNodeScript, type ScriptRun } from '../support/run-node-script.ts'
import { FAULT_CASES } from './cases/index.ts'
import { describeDetails, describeExpected, type FaultCase } from './fault-case.ts'
import type { CaseObservation } from './run-case.ts'

const ObservationSchema = v.object({
  id: v.string(),
  outcome: v.picklist(['success', 'error']),
  errorName: v.exactOptional(v.string()),
  typed: v.exactOptional(v.boolean()),
  details: v.record(v.string(), v.number()),
  attempts: v.number(),
  elapsedMs: v.number(),
  boundMs: v.number(),
  extras: v.record(v.string(), v.number()),
}) satisfies v.GenericSchema<unknown, CaseObservation>
type Observation = v.InferOutput<typeof ObservationSchema>

const MatrixOutputSchema = v.object({
  observations: v.array(ObservationSchema),
  unhandledRejections: v.array(v.string()),
  activeResources: v.array(v.string()),
})

/** After its last line the child has nothing left to do: it must be gone well within this. */
const EXIT_LAG_BOUND_MS = 3000
/** The whole matrix, with a wide margin over the sum of the per-case bounds it never nears. */
const KILL_AFTER_MS = 180_000

let run: ScriptRun
let output: v.InferOutput<typeof MatrixOutputSchema> | undefined
const byId = new Map<string, Observation>()

beforeAll(async () => {
  run = await runNodeScript(
    join(PACKAGE_ROOT, 'src/fault-matrix/run-matrix.ts'),
    PACKAGE_ROOT,
    KILL_AFTER_MS,
  )
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? ''
  const parsed = v.safeParse(MatrixOutputSchema, JSON.parse(lastLine || 'null'))
  if (parsed.success) {
    output = parsed.output
    for (const observation of output.observations) byId.set(observation.id, observation)
  }
}, KILL_AFTER_MS + 10_000)

function observed(observation: Observation): string {
  if (observation.outcome === 'success') return 'success'
  const typed = observation.typed === false ? ' (untyped!)' : ''
  return `${observation.errorName ?? '?'}${typed}${describeDetails(observation.details)}`
}

function verdict(faultCase: FaultCase, observation: Observation): string[] {
  const problems: string[] = []
  const { expected } = faultCase
  if (observation.outcome !== expected.outcome) problems.push('outcome')
  if (expected.outcome === 'error') {
    if (observation.errorName !== expected.error || observation.typed !== true)
      problems.push('error')
    for (const [key, value] of Object.entries(expected.details ?? {})) {
      if (observation.details[key] !== value) problems.push(`details.${key}`)
    }
  }
  if (observation.attempts !== expected.attempts) problems.push('attempts')
  if (observation.elapsedMs > observation.boundMs) problems.push('elapsed')
  for (const [key, bound] of Object.entries(faultCase.extraBounds ?? {})) {
    const value = observation.extras[key]
    if (value === undefined) problems.push(`extras.${key} missing`)
    else if (bound.max !== undefined && value > bound.max) problems.push(`extras.${key}`)
    else if (bound.equals !== undefined && value !== bound.equals) problems.push(`extras.${key}`)
  }
  return problems
}

afterAll(async () => {
  if (output === undefined) return
  await writeFragment('fault-matrix', inject('reliabilityRunId'), {
    rows: FAULT_CASES.flatMap((faultCase) => {
      const observation = byId.get(faultCase.id)
      if (observation === undefined) return []
      return [
        {
          id: faultCase.id,
          fault: faultCase.fault,
          via: faultCase.via,
          expected: describeExpected(faultCase.expected),
          observed: observed(observation),
          attempts: observation.attempts,
          elapsedMs: observation.elapsedMs,
          boundMs: observation.boundMs,
          extras: observation.extras,
          pass: verdict(faultCase, observation).length === 0,
        },
      ]
    }),
    unhandledRejections: output.unhandledRejections.length,
    leftoverResources: output.activeResources,
    exitLagMs: run.exitLagMs,
    totalMs: run.totalMs,
  })
})

describe('the fault matrix, run in a child process against the emulator and raw sockets', () => {
  test('the child runs every case, prints its observations and exits with code 0', () => {
    expect(run.stderr).toBe('')
    expect(run.killed).toBe(false)
    expect(run.code).toBe(0)
    expect(output?.observations.map((o) => o.id)).toEqual(FAULT_CASES.map((c) => c.id))
  })

  test.for(FAULT_CASES)('$fault: typed outcome, attempts and elapsed time bound', (faultCase) => {
    const observation = byId.get(faultCase.id)
    expect(observation, 'the case ran').toBeDefined()
    if (observation === undefined) return
    const { expected } = faultCase
    expect(observation.outcome).toBe(expected.outcome)
    if (expected.outcome === 'error') {
      expect(observation.errorName).toBe(expected.error)
      expect(observation.typed, 'an authing-edge error, not a stray TypeError').toBe(true)
      expect(observation.details).toMatchObject(expected.details ?? {})
    }
    expect(observation.attempts).toBe(expected.attempts)
    // Derived from the configured timeout, retry limit and waits, not a micro-timing.
    expect(observation.elapsedMs).toBeLessThanOrEqual(observation.boundMs)
    expect(verdict(faultCase, observation)).toEqual([])
  })

  test('no promise rejection went unhandled during the matrix', () => {
    expect(output?.unhandledRejections).toEqual([])
  })

  test('no timer or socket is left behind: the process exits on its own, promptly', () => {
    expect(output?.activeResources.filter((r) => r === 'Timeout' || r === 'Immediate')).toEqual([])
    expect(run.exitLagMs).toBeLessThan(EXIT_LAG_BOUND_MS)
  })
})
