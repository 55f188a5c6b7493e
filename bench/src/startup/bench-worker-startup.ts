import * as v from 'valibot'
import { unstable_startWorker } from 'wrangler'
import { WORKER_COMPATIBILITY_DATE } from '../bundle/build-bundle.ts'
import { BENCH_CREDENTIALS } from '../overhead/bench-credentials.ts'
import { roundOrder } from '../stats/round-order.ts'
import { type Summary, summarize } from '../stats/summary.ts'

/** A bundled Worker module to start. */
export interface WorkerTarget {
  /** Label used in reports. */
  readonly name: string
  /** The bundled module (wrangler's output), started without re-bundling. */
  readonly file: string
  /** e.g. `['nodejs_compat']` for the official SDK. */
  readonly compatibilityFlags: readonly string[]
}

/** Start-up timings of one Worker in workerd, or why it could not be started. */
export type WorkerStartResult =
  | {
      readonly name: string
      /** `unstable_startWorker()` until `ready`: workerd loaded the module. */
      readonly readyMs: Summary
      /** `ready` until the first response of a request that calls the upstream once. */
      readonly firstResponseMs: Summary
    }
  | { readonly name: string; readonly error: string }

const FirstResponseSchema = v.object({ statusCode: v.literal(200) })

/**
 * Starts each Worker in workerd through wrangler's `unstable_startWorker` (no re-bundling, no
 * inspector, no state persisted under `.wrangler`, loopback only), waits for it to be ready,
 * sends one request that makes the Worker call the upstream at `appHost`, checks the answer and
 * stops it. Targets run in `roundOrder`; the first `warmup` rounds (wrangler's own start-up)
 * are discarded.
 *
 * @param targets - the Workers to start
 * @param appHost - base URL of the upstream the Workers call
 * @param runs - kept starts per target
 * @param warmup - discarded starts per target
 * @default warmup 1
 * @returns the summaries, in the order of `targets`; a target that fails once gets its error
 */
export async function benchWorkerStart(
  targets: readonly WorkerTarget[],
  appHost: string,
  runs: number,
  warmup = 1,
): Promise<WorkerStartResult[]> {
  const ready = targets.map((): number[] => [])
  const first = targets.map((): number[] => [])
  const errors = new Map<number, string>()
  for (let round = 0; round < warmup + runs; round++) {
    for (const index of roundOrder(targets.length, round)) {
      const target = targets[index]
      if (target === undefined || errors.has(index)) continue
      const sample = await startOnce(target, appHost).catch((error: unknown) => {
        errors.set(index, error instanceof Error ? error.message : String(error))
      })
      if (sample === undefined || round < warmup) continue
      ready[index]?.push(sample.readyMs)
      first[index]?.push(sample.firstResponseMs)
    }
  }
  return targets.map((target, i) => {
    const error = errors.get(i)
    if (error !== undefined) return { name: target.name, error }
    return {
      name: target.name,
      readyMs: summarize(ready[i] ?? []),
      firstResponseMs: summarize(first[i] ?? []),
    }
  })
}

async function startOnce(
  target: WorkerTarget,
  appHost: string,
): Promise<{ readyMs: number; firstResponseMs: number }> {
  const text = (value: string) => ({ type: 'plain_text' as const, value })
  const start = performance.now()
  const worker = await unstable_startWorker({
    name: 'authing-edge-bench',
    entrypoint: target.file,
    compatibilityDate: WORKER_COMPATIBILITY_DATE,
    compatibilityFlags: [...target.compatibilityFlags],
    build: { bundle: false },
    bindings: {
      AUTHING_APP_ID: text(BENCH_CREDENTIALS.authingAppId),
      AUTHING_APP_SECRET: text(BENCH_CREDENTIALS.authingAppSecret),
      AUTHING_APP_HOST: text(appHost),
      WECHAT_APP_ID: text(BENCH_CREDENTIALS.wechatAppId),
      WECHAT_APP_SECRET: text(BENCH_CREDENTIALS.wechatAppSecret),
    },
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: false,
      persist: false,
      watch: false,
      logLevel: 'none',
    },
  })
  try {
    await worker.ready
    const readyAt = performance.now()
    const response = await worker.fetch('http://127.0.0.1/token')
    const body: unknown = await response.json()
    const answeredAt = performance.now()
    if (!v.is(FirstResponseSchema, body)) {
      throw new Error(`${target.name}: the Worker answered ${response.status} without a token`)
    }
    return { readyMs: readyAt - start, firstResponseMs: answeredAt - readyAt }
  } finally {
    await worker.dispose()
  }
}
