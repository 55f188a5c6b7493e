import { type BundleOutcome, buildNodeBundle, buildWorkerBundle } from '../bundle/build-bundle.ts'
import {
  bundleWithWrangler,
  type FailedWranglerBundle,
  removeWranglerBundles,
  type WranglerBundle,
} from '../bundle/wrangler-bundle.ts'
import type { BundleRow } from '../report/bench-results.ts'
import { NAMES } from '../report/check-targets.ts'

/** The Worker entries, by role. */
export const ENTRIES = {
  empty: new URL('../../entries/empty-worker.ts', import.meta.url).pathname,
  client: new URL('../../entries/client-worker.ts', import.meta.url).pathname,
  cache: new URL('../../entries/cache-worker.ts', import.meta.url).pathname,
  official: new URL('../../entries/official-sdk-worker.ts', import.meta.url).pathname,
  kyFloor: new URL('../../entries/ky-floor-worker.ts', import.meta.url).pathname,
  kyValibotFloor: new URL('../../entries/ky-valibot-floor-worker.ts', import.meta.url).pathname,
} as const

/** Build labels used in the report. */
export const BUILDS = {
  esbuildWorker: 'esbuild, workerd conditions, no nodejs_compat',
  esbuildNode: 'esbuild, platform node',
  wrangler: 'wrangler deploy --dry-run --minify',
  wranglerWithoutNames: 'wrangler deploy --dry-run --minify, keep_names false',
  wranglerCompat: 'wrangler deploy --dry-run --minify, nodejs_compat',
} as const

/** The Workers wrangler bundles (section d) and workerd starts (section e), in report order. */
export const WORKER_ROLES = ['empty', 'client', 'cache', 'official'] as const

/** One of {@link WORKER_ROLES}. */
export type WorkerRole = (typeof WORKER_ROLES)[number]

/** How each Worker is built and named in the start-up tables: only the SDK needs nodejs_compat. */
export const WORKERS: Readonly<
  Record<WorkerRole, { entry: string; compatibilityFlags: readonly string[]; name: string }>
> = {
  empty: { entry: ENTRIES.empty, compatibilityFlags: [], name: 'empty Worker (baseline)' },
  client: { entry: ENTRIES.client, compatibilityFlags: [], name: NAMES.clientBundle },
  cache: { entry: ENTRIES.cache, compatibilityFlags: [], name: 'cache entry' },
  official: {
    entry: ENTRIES.official,
    compatibilityFlags: ['nodejs_compat'],
    name: 'official SDK entry (nodejs_compat)',
  },
}

/** Wrangler's bundles, kept for the start-up section. */
export type WranglerBundles = Readonly<Record<WorkerRole, WranglerBundle | FailedWranglerBundle>>

function esbuildRow(name: string, build: string, outcome: BundleOutcome): BundleRow {
  return {
    name,
    build,
    outcome: outcome.ok
      ? {
          ok: true,
          minBytes: outcome.minBytes,
          gzipBytes: outcome.gzipBytes,
          topPackages: outcome.byPackage.slice(0, 4),
        }
      : { ok: false, error: outcome.errors.join('; ') },
  }
}

function wranglerRow(
  name: string,
  build: string,
  outcome: WranglerBundle | FailedWranglerBundle,
): BundleRow {
  return {
    name,
    build,
    outcome: outcome.ok
      ? { ok: true, minBytes: outcome.minBytes, gzipBytes: outcome.gzipBytes, topPackages: [] }
      : { ok: false, error: outcome.error },
  }
}

/**
 * Section d: builds the client, cache and official-SDK Worker entries with esbuild (workerd
 * conditions) and with wrangler itself (nodejs_compat for the official SDK; the client entry
 * also with `keep_names` off), plus the official
 * SDK's Node bundle and two floors (ky alone; ky with valibot and the envelope schemas), and
 * measures each.
 *
 * @returns the table rows and wrangler's bundles (the caller removes them with
 *   `removeWranglerBundles` once the start-up section has used them)
 */
export async function measureBundles(): Promise<{ rows: BundleRow[]; wrangler: WranglerBundles }> {
  const bundle = (role: WorkerRole) =>
    bundleWithWrangler(WORKERS[role].entry, WORKERS[role].compatibilityFlags)
  // One at a time: wrangler is CPU-hungry and the machine has two cores.
  const wrangler: WranglerBundles = {
    empty: await bundle('empty'),
    client: await bundle('client'),
    cache: await bundle('cache'),
    official: await bundle('official'),
  }
  // What a user who sets `"keep_names": false` uploads; only its size is kept.
  const clientWithoutNames = await bundleWithWrangler(ENTRIES.client, [], false)
  await removeWranglerBundles([clientWithoutNames])
  const rows = [
    esbuildRow(NAMES.clientBundle, BUILDS.esbuildWorker, await buildWorkerBundle(ENTRIES.client)),
    esbuildRow(WORKERS.cache.name, BUILDS.esbuildWorker, await buildWorkerBundle(ENTRIES.cache)),
    esbuildRow(
      NAMES.officialWorkerBundle,
      BUILDS.esbuildWorker,
      await buildWorkerBundle(ENTRIES.official),
    ),
    esbuildRow(
      NAMES.officialNodeBundle,
      BUILDS.esbuildNode,
      await buildNodeBundle(ENTRIES.official),
    ),
    esbuildRow(NAMES.kyFloorBundle, BUILDS.esbuildWorker, await buildWorkerBundle(ENTRIES.kyFloor)),
    esbuildRow(
      NAMES.kyValibotFloorBundle,
      BUILDS.esbuildWorker,
      await buildWorkerBundle(ENTRIES.kyValibotFloor),
    ),
    wranglerRow(NAMES.clientBundle, BUILDS.wrangler, wrangler.client),
    wranglerRow(NAMES.clientBundle, BUILDS.wranglerWithoutNames, clientWithoutNames),
    wranglerRow(WORKERS.cache.name, BUILDS.wrangler, wrangler.cache),
    wranglerRow(NAMES.officialWorkerBundle, BUILDS.wranglerCompat, wrangler.official),
  ]
  return { rows, wrangler }
}
