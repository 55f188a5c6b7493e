import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import type { Emulator } from '@authing-edge/emulator'
import * as v from 'valibot'
import type { HeapInspector } from './heap-inspector.ts'
import { descendantsNamed, rssMiB } from './process-memory.ts'
import { INVALIDATE_PATH, TOKEN_PATH, TokenBodySchema } from './request-checks.ts'
import { type SoakRecord, servableUntil } from './soak-analysis.ts'
import { type SoakKind, soakKind } from './soak-plan.ts'

/** A request that takes longer counts as failed (status 0) rather than stalling the soak. */
const REQUEST_TIMEOUT_MS = 30_000
const InvalidatedSchema = v.strictObject({ invalidated: v.boolean() })

/** Where the load goes and who may ask. */
export interface SoakTarget {
  readonly workerUrl: string
  readonly brokerToken: string
  /** The emulator, to drop its token on a rotation. */
  readonly emulator: Emulator
}

/** What the load generator keeps beyond the records. */
export interface SoakState {
  readonly records: SoakRecord[]
  /** Every WeChat token the Worker handed out. */
  readonly tokens: Set<string>
  /** 200 answers whose body was not `{ accessToken, expiresAt }` with an unexpired token. */
  malformed: number
  /** Strangers that got anything but a 401. */
  strangersLetIn: number
  lastToken: string | undefined
}

/** @returns empty state */
export function createSoakState(): SoakState {
  return { records: [], tokens: new Set(), malformed: 0, strangersLetIn: 0, lastToken: undefined }
}

async function send(kind: SoakKind, target: SoakTarget, state: SoakState): Promise<void> {
  const start = performance.now()
  const endpoint = new URL(TOKEN_PATH, target.workerUrl)
  let status = 0
  let validUntil: number | undefined
  try {
    if (kind === 'rotate') {
      target.emulator.tokens.invalidate()
      const response = await fetch(new URL(INVALIDATE_PATH, target.workerUrl), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.brokerToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ accessToken: state.lastToken ?? 'none-yet' }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      status = response.status
      const body: unknown = await response.json().catch(() => undefined)
      if (status === 200 && !v.is(InvalidatedSchema, body)) state.malformed++
    } else {
      const authorization =
        kind === 'stranger' ? 'Bearer not-a-broker-token-0000' : `Bearer ${target.brokerToken}`
      const response = await fetch(endpoint, {
        headers: { authorization },
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      })
      status = response.status
      const body: unknown = await response.json().catch(() => undefined)
      if (kind === 'stranger' && status !== 401) state.strangersLetIn++
      if (kind === 'get' && status === 200) {
        const parsed = v.safeParse(TokenBodySchema, body)
        if (parsed.success && parsed.output.expiresAt > Date.now()) {
          state.tokens.add(parsed.output.accessToken)
          state.lastToken = parsed.output.accessToken
          validUntil = servableUntil(parsed.output.expiresAt)
        } else state.malformed++
      }
    }
  } catch {
    status = 0
  }
  const end = performance.now()
  state.records.push(
    validUntil === undefined
      ? { kind, start, end, status }
      : { kind, start, end, status, validUntil },
  )
}

/**
 * Sends requests `from` to `to - 1` of the soak plan with `concurrency` requests in flight.
 *
 * @param target - Worker, broker token and emulator
 * @param state - where records go
 * @param range - the request indexes and the concurrency
 */
export async function runLoad(
  target: SoakTarget,
  state: SoakState,
  range: {
    readonly from: number
    readonly to: number
    readonly concurrency: number
    readonly kinds?: (index: number) => SoakKind
  },
): Promise<void> {
  let next = range.from
  const kinds = range.kinds ?? soakKind
  const lane = async (): Promise<void> => {
    for (let index = next++; index < range.to; index = next++)
      await send(kinds(index), target, state)
  }
  await Promise.all(Array.from({ length: range.concurrency }, lane))
}

let gc: (() => void) | undefined

/** Node's own heap in MiB after a full collection (gc exposed at run time). */
function nodeHeapAfterGcMiB(): number {
  if (gc === undefined) {
    setFlagsFromString('--expose-gc')
    const exposed: unknown = runInNewContext('gc')
    gc = typeof exposed === 'function' ? () => exposed() : () => undefined
  }
  gc()
  return Math.round((process.memoryUsage().heapUsed / 2 ** 20) * 10) / 10
}

/**
 * One memory sample: the Worker isolate after GC, each workerd process, this process after GC.
 *
 * @param label - what the report calls it
 * @param completed - soak requests done so far
 * @param inspector - the Worker's inspector
 * @returns the sample, in MiB
 */
export async function sampleMemory(label: string, completed: number, inspector: HeapInspector) {
  const workerHeap = await inspector.heapAfterGc()
  const pids = await descendantsNamed('workerd')
  return {
    label,
    completed,
    workerHeapMiB: Math.round((workerHeap / 2 ** 20) * 100) / 100,
    workerdRssMiB: await Promise.all(pids.map(rssMiB)),
    nodeHeapMiB: nodeHeapAfterGcMiB(),
  }
}
