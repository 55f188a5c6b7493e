import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { EmulatorServer } from '@authing-edge/emulator/node'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'
import { type Fragment, RESULTS_DIR, writeFragment } from '../support/results.ts'
import { findLeaks, namedTokens, SECRETS, WORKER_SECRETS } from '../support/secrets.ts'
import { connectHeapInspector, type HeapInspector } from './heap-inspector.ts'
import { classifyServerErrors, parseWorkerLogs, quantile } from './soak-analysis.ts'
import {
  createSoakState,
  runLoad,
  type SoakState,
  type SoakTarget,
  sampleMemory,
} from './soak-driver.ts'
import {
  SOAK_CONCURRENCY,
  SOAK_FAULT_RATE,
  SOAK_REQUESTS,
  SOAK_SEED,
  soakFaultRules,
  WARM_UP_REQUESTS,
  WORKER_HEAP_GROWTH_BOUND_MIB,
  WORKERD_RSS_BOUND_MIB,
} from './soak-plan.ts'
import {
  type RunningWorker,
  startWorkerOnEmulator,
  type WorkerOnEmulator,
} from './worker-harness.ts'

/** The whole soak must end within this; it takes well under a minute on a quiet machine. */
const SOAK_TIME_BOUND_MS = 150_000
/** Heap growth of this process (emulator and load generator, after GC). */
const NODE_HEAP_GROWTH_BOUND_MIB = 32

let running: WorkerOnEmulator
let emulator: EmulatorServer
let worker: RunningWorker
let inspector: HeapInspector
const state: SoakState = createSoakState()
let soak: Fragment<'soak'> | undefined

beforeAll(async () => {
  running = await startWorkerOnEmulator({ seed: SOAK_SEED, inspector: true })
  ;({ emulator, worker } = running)
  inspector = await connectHeapInspector(worker.inspectorOrigin ?? '')
  const target: SoakTarget = {
    workerUrl: worker.url,
    brokerToken: SECRETS.brokerToken,
    emulator: emulator.emulator,
  }

  const warmUp = createSoakState()
  await runLoad(target, warmUp, {
    from: 0,
    to: WARM_UP_REQUESTS,
    concurrency: SOAK_CONCURRENCY,
    kinds: () => 'get',
  })
  state.lastToken = warmUp.lastToken
  emulator.emulator.faults.set(soakFaultRules())
  emulator.emulator.clearRequests()

  const logsBefore = worker.logs.length
  const started = performance.now()
  const memory = [await sampleMemory('start (after warm-up)', 0, inspector)]
  const half = SOAK_REQUESTS / 2
  await runLoad(target, state, { from: 0, to: half, concurrency: SOAK_CONCURRENCY })
  memory.push(await sampleMemory('middle', half, inspector))
  await runLoad(target, state, { from: half, to: SOAK_REQUESTS, concurrency: SOAK_CONCURRENCY })
  memory.push(await sampleMemory('end', SOAK_REQUESTS, inspector))
  const durationMs = Math.round(performance.now() - started)

  const count = (values: readonly string[]) => {
    const out: Record<string, number> = {}
    for (const value of values) out[value] = (out[value] ?? 0) + 1
    return out
  }
  const errors = classifyServerErrors(state.records)
  const logLines = parseWorkerLogs(worker.logs.slice(logsBefore))
  const latencies = state.records.map((r) => r.end - r.start)
  soak = {
    requests: state.records.length,
    concurrency: SOAK_CONCURRENCY,
    durationMs,
    statuses: count(state.records.map((r) => String(r.status))),
    kinds: count(state.records.map((r) => r.kind)),
    upstreamRequests: emulator.emulator.counts()['get-wechat-access-token-info'],
    faultRate: SOAK_FAULT_RATE,
    faultsFired: Object.fromEntries(
      emulator.emulator.faults.list().map((rule) => [rule.id, rule.fired]),
    ),
    serverErrors: errors.all,
    violations: errors.violations.map((r) => ({
      startMs: Math.round(r.start - started),
      endMs: Math.round(r.end - started),
      status: r.status,
    })),
    upstreamFailures: count(
      logLines
        .filter((l) => l.message === 'upstream failed')
        .map((l) => (typeof l.error === 'string' ? l.error : '?')),
    ),
    cacheEvents: count(logLines.flatMap((l) => (l.type === undefined ? [] : [l.type]))),
    latencyMs: {
      p50: Math.round(quantile(latencies, 0.5)),
      p95: Math.round(quantile(latencies, 0.95)),
      p99: Math.round(quantile(latencies, 0.99)),
      max: Math.round(quantile(latencies, 1)),
    },
    memory,
  }
  await writeFragment('soak', inject('reliabilityRunId'), soak)
}, SOAK_TIME_BOUND_MS + 60_000)

afterAll(async () => {
  inspector?.close()
  await running?.dispose()
})

describe(`a soak of ${SOAK_REQUESTS} requests at concurrency ${SOAK_CONCURRENCY} against the Worker in workerd, upstream failing ${SOAK_FAULT_RATE * 100} %`, () => {
  test('every request got an HTTP answer, within the time bound', () => {
    expect(soak?.requests).toBe(SOAK_REQUESTS)
    expect(soak?.statuses['0']).toBeUndefined()
    expect(soak?.durationMs).toBeLessThan(SOAK_TIME_BOUND_MS)
  })

  test('the emulator really failed upstream requests, and the Worker asked again', () => {
    const fired = Object.values(soak?.faultsFired ?? {}).reduce((a, b) => a + b, 0)
    expect(soak?.upstreamRequests).toBeGreaterThan(soak?.kinds.rotate ?? 0)
    expect(fired).toBeGreaterThan(0)
  })

  test('no 5xx was answered while a valid token was cached', () => {
    expect(soak?.violations).toEqual([])
  })

  test('callers without the broker token got 401, every time, never a token', () => {
    expect(soak?.kinds.stranger).toBeGreaterThan(0)
    expect(state.strangersLetIn).toBe(0)
  })

  test('every 200 carried a well-formed, unexpired token', () => {
    expect(state.malformed).toBe(0)
    expect(state.tokens.size).toBeGreaterThan(1)
  })

  test('memory stays flat: the Worker heap after GC, workerd RSS and the Node heap are bounded', () => {
    const [first, , last] = soak?.memory ?? []
    expect(first).toBeDefined()
    expect(last).toBeDefined()
    if (first === undefined || last === undefined) return
    expect(last.workerHeapMiB - first.workerHeapMiB).toBeLessThan(WORKER_HEAP_GROWTH_BOUND_MIB)
    expect(last.nodeHeapMiB - first.nodeHeapMiB).toBeLessThan(NODE_HEAP_GROWTH_BOUND_MIB)
    expect(last.workerdRssMiB.length).toBeGreaterThan(0)
    for (const rss of last.workerdRssMiB) expect(rss).toBeLessThan(WORKERD_RSS_BOUND_MIB)
  })

  test('the Worker logs hold no secret and no WeChat token', async () => {
    const secrets = { ...WORKER_SECRETS, ...namedTokens(state.tokens) }
    expect(worker.logs.length).toBeGreaterThan(SOAK_REQUESTS)
    expect(findLeaks({ logs: worker.logs.join('\n') }, secrets)).toEqual([])
    // Clean, so worth keeping for a look at what the Worker did (git-ignored).
    await writeFile(join(RESULTS_DIR, 'soak-worker.log'), `${worker.logs.join('\n')}\n`)
  })
})
