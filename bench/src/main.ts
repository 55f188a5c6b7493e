import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { removeWranglerBundles } from './bundle/wrangler-bundle.ts'
import type { CountingServer } from './loopback/counting-server.ts'
import { startEmulatorUpstream } from './loopback/emulator-upstream.ts'
import { startFixedEnvelopeServer } from './loopback/fixed-envelope-server.ts'
import { spawnServerProcess } from './loopback/spawn-server-process.ts'
import { parseArgs } from './options.ts'
import type { BenchResults, OverheadResult } from './report/bench-results.ts'
import { checkTargets } from './report/check-targets.ts'
import { currentLoadAverage, describeMachine, installedVersion } from './report/machine.ts'
import { renderMarkdown } from './report/render-markdown.ts'
import { BUILDS, measureBundles, type WranglerBundles } from './sections/bundle-section.ts'
import { measureCache } from './sections/cache-section.ts'
import { measureOverhead } from './sections/overhead-section.ts'
import { measureStartup } from './sections/startup-section.ts'

const OUTPUT = new URL('../BENCHMARKS.md', import.meta.url).pathname
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)

function versions(): Record<string, string> {
  const core = import.meta.resolve('@authing-edge/core')
  const wrangler = createRequire(import.meta.url).resolve('wrangler')
  const miniflare = createRequire(wrangler).resolve('miniflare')
  return {
    node: process.version,
    ky: installedVersion('ky', core),
    valibot: installedVersion('valibot', core),
    'authing-node-sdk': installedVersion('authing-node-sdk'),
    esbuild: installedVersion('esbuild'),
    wrangler: installedVersion('wrangler'),
    workerd: installedVersion('workerd', miniflare),
  }
}

const plan = parseArgs(process.argv.slice(2))
// wrangler runs in this process: keep it offline and quiet.
process.env.WRANGLER_SEND_METRICS ??= 'false'
process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= 'false'

const started = performance.now()
const startedAt = new Date().toISOString()
const machine = describeMachine()
const upstream = await spawnServerProcess()
let wranglerBundles: WranglerBundles | undefined
try {
  const overhead: OverheadResult[] = []
  const servers: ReadonlyArray<readonly [string, () => Promise<CountingServer>]> = [
    ['the fixed-envelope server in its own process', async () => upstream],
    ['the fixed-envelope server in the same process', startFixedEnvelopeServer],
    ['the @authing-edge/emulator server in the same process', startEmulatorUpstream],
  ]
  for (const [label, start] of servers) {
    log(`a: uncached calls against ${label}`)
    const server = await start()
    try {
      overhead.push(await measureOverhead(server, label, plan.overhead))
    } finally {
      if (server !== upstream) await server.close()
    }
  }
  log('b, c: cache hits and the cold stampede')
  const cache = await measureCache(upstream, plan.cache)
  log('d: bundle sizes')
  const bundles = await measureBundles()
  wranglerBundles = bundles.wrangler
  log('e: cold import on Node, Worker start-up in workerd')
  const { startup, notes } = await measureStartup(upstream, bundles.wrangler, plan.startup)
  const partial: Omit<BenchResults, 'targets'> = {
    startedAt,
    durationSeconds: (performance.now() - started) / 1000,
    machine,
    loadAverageAtEnd: currentLoadAverage(),
    versions: versions(),
    overhead,
    ...cache,
    bundles: bundles.rows,
    startup,
    notes,
  }
  const results: BenchResults = { ...partial, targets: checkTargets(partial, BUILDS.esbuildWorker) }
  const markdown = renderMarkdown(results)
  if (plan.quick) process.stdout.write(markdown)
  else await writeFile(OUTPUT, markdown)
  for (const t of results.targets) {
    log(
      `${t.met === undefined ? 'n/a   ' : t.met ? 'met   ' : 'MISSED'} ${t.target}: ${t.measured}`,
    )
  }
  log(plan.quick ? 'quick run: nothing written' : `wrote ${OUTPUT}`)
} finally {
  await upstream.close()
  if (wranglerBundles) await removeWranglerBundles(Object.values(wranglerBundles))
}
