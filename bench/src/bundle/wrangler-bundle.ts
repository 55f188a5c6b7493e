import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { makeTempDir } from '../temp-dir.ts'
import { type BundleSize, measure, WORKER_COMPATIBILITY_DATE } from './build-bundle.ts'
import { runWrangler } from './run-wrangler.ts'

/** A Worker bundled by wrangler itself, kept on disk for start-up measurements. */
export interface WranglerBundle extends BundleSize {
  readonly ok: true
  /** The bundled module, ready for `unstable_startWorker` with `bundle: false`. */
  readonly file: string
}

/** A Worker wrangler could not bundle. */
export interface FailedWranglerBundle {
  readonly ok: false
  /** Wrangler's error message. */
  readonly error: string
}

/**
 * Bundles an entry exactly as `wrangler deploy --dry-run --minify` would for upload, in a
 * scratch directory under bench/.tmp that {@link removeWranglerBundles} deletes.
 *
 * @param entry - absolute path of the Worker entry
 * @param compatibilityFlags - e.g. `['nodejs_compat']`
 * @param keepNames - wrangler's `keep_names` setting, which keeps every function's and class's
 *   `name` at the cost of a `__name()` call for each; a config file turns it off
 * @returns the bundle file and its sizes, or wrangler's error
 */
export async function bundleWithWrangler(
  entry: string,
  compatibilityFlags: readonly string[],
  keepNames = true,
): Promise<WranglerBundle | FailedWranglerBundle> {
  const outdir = await makeTempDir('wrangler-')
  const flags = compatibilityFlags.flatMap((flag) => ['--compatibility-flag', flag])
  const args = ['deploy', entry, '--dry-run', '--minify', '--outdir', outdir]
  args.push('--name', 'authing-edge-bench', '--compatibility-date', WORKER_COMPATIBILITY_DATE)
  try {
    if (!keepNames) {
      const config = join(outdir, 'wrangler.json')
      await writeFile(config, JSON.stringify({ keep_names: false }))
      args.push('--config', config)
    }
    await runWrangler([...args, ...flags], outdir)
    const name = basename(entry).replace(/\.[cm]?[jt]s$/, '.js')
    const file = (await readdir(outdir)).includes(name) ? join(outdir, name) : undefined
    if (file !== undefined) return { ok: true, file, ...measure(await readFile(file)) }
    await rm(outdir, { recursive: true, force: true })
    return { ok: false, error: `wrangler wrote no ${name}` }
  } catch (error) {
    await rm(outdir, { recursive: true, force: true })
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/**
 * Deletes the folders {@link bundleWithWrangler} made.
 *
 * @param bundles - the outcomes returned by it
 */
export async function removeWranglerBundles(
  bundles: ReadonlyArray<WranglerBundle | FailedWranglerBundle>,
): Promise<void> {
  for (const bundle of bundles) {
    if (bundle.ok) await rm(join(bundle.file, '..'), { recursive: true, force: true })
  }
}
