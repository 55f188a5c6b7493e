import type { CountingServer } from '../loopback/counting-server.ts'
import type { StartupResults } from '../report/bench-results.ts'
import { NAMES } from '../report/check-targets.ts'
import { benchColdImport } from '../startup/bench-cold-import.ts'
import { benchWorkerStart, type WorkerTarget } from '../startup/bench-worker-startup.ts'
import { benchWorkerStartupCpu } from '../startup/bench-worker-startup-cpu.ts'
import { WORKER_ROLES, WORKERS, type WranglerBundles } from './bundle-section.ts'

/** Sample sizes of section e. */
export interface StartupPlan {
  readonly importRuns: number
  readonly workerRuns: number
  readonly cpuRuns: number
}

/**
 * Section e: cold `import` in fresh Node processes, then Worker start-up in workerd, both as
 * wall time through `unstable_startWorker` and as start-up CPU from `wrangler check startup`.
 *
 * @param server - the upstream the Workers call on their first request
 * @param wrangler - the Workers bundled by wrangler in section d
 * @param plan - sample sizes
 * @returns the results and notes about Workers that could not be started
 */
export async function measureStartup(
  server: CountingServer,
  wrangler: WranglerBundles,
  plan: StartupPlan,
): Promise<{ startup: StartupResults; notes: string[] }> {
  const coldImport = await benchColdImport(
    [
      { name: 'an empty module (baseline)', url: 'data:text/javascript,' },
      // Node loads undici (fetch, Request) lazily on first touch; ky's feature detection touches
      // it at import, and any fetch client pays it by its first call.
      {
        name: 'a module touching globalThis.Request (loads undici)',
        url: 'data:text/javascript,globalThis.Request',
      },
      { name: NAMES.ours, url: import.meta.resolve('@authing-edge/core') },
      { name: NAMES.official, url: import.meta.resolve('authing-node-sdk') },
    ],
    plan.importRuns,
  )
  const notes: string[] = []
  const targets: WorkerTarget[] = []
  for (const role of WORKER_ROLES) {
    const bundle = wrangler[role]
    const { name, compatibilityFlags } = WORKERS[role]
    if (bundle.ok) targets.push({ name, file: bundle.file, compatibilityFlags })
    else
      notes.push(
        `${name} was not started in workerd: wrangler could not bundle it (${bundle.error})`,
      )
  }
  const workerStart = await benchWorkerStart(targets, server.url, plan.workerRuns)
  const workerStartupCpu = await benchWorkerStartupCpu(
    WORKER_ROLES.map((role) => WORKERS[role]),
    plan.cpuRuns,
  )
  return { startup: { coldImport, workerStart, workerStartupCpu }, notes }
}
