import { gzipSync } from 'node:zlib'
import { type BuildOptions, build, type Metafile } from 'esbuild'
import { packageInNodeModules } from '../package-of-path.ts'

/** Compatibility date used for every Worker built or started by the harness. */
export const WORKER_COMPATIBILITY_DATE = '2026-11-01'

/** Size of one bundle. */
export interface BundleSize {
  /** Minified bytes. */
  readonly minBytes: number
  /** Minified, then gzipped (level 9) bytes. */
  readonly gzipBytes: number
}

/** A bundle that built. */
export interface BuiltBundle extends BundleSize {
  readonly ok: true
  /** Minified bytes contributed by each package (or first-party file), largest first. */
  readonly byPackage: ReadonlyArray<readonly [string, number]>
}

/** A bundle that did not build, and why. */
export interface FailedBundle {
  readonly ok: false
  /** esbuild's error messages, deduplicated, e.g. `Could not resolve "https"`. */
  readonly errors: readonly string[]
}

/** The outcome of one build. */
export type BundleOutcome = BuiltBundle | FailedBundle

/**
 * What Cloudflare's own tooling does for a Worker without `nodejs_compat`: ESM, platform
 * `browser`, the `workerd`/`worker`/`browser` conditions, `process.env.NODE_ENV` replaced.
 */
const WORKER_OPTIONS: BuildOptions = {
  platform: 'browser',
  conditions: ['workerd', 'worker', 'browser'],
  define: { 'process.env.NODE_ENV': '"production"' },
}

/** A plain Node build, the official SDK's home turf: Node built-ins stay external. */
const NODE_OPTIONS: BuildOptions = { platform: 'node' }

/**
 * Bundles and minifies an entry for a Worker (workerd, no `nodejs_compat`) and measures it.
 *
 * @param entry - absolute path of the entry module
 * @returns the bundle's sizes, or the errors that prevented it
 */
export function buildWorkerBundle(entry: string): Promise<BundleOutcome> {
  return buildAndMeasure(entry, WORKER_OPTIONS)
}

/**
 * Bundles and minifies an entry for Node (built-ins external) and measures it.
 *
 * @param entry - absolute path of the entry module
 * @returns the bundle's sizes, or the errors that prevented it
 */
export function buildNodeBundle(entry: string): Promise<BundleOutcome> {
  return buildAndMeasure(entry, NODE_OPTIONS)
}

/**
 * Measures code as it would travel: minified length and gzip -9 length.
 *
 * @param code - minified code
 * @returns its sizes
 */
export function measure(code: Uint8Array): BundleSize {
  return { minBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength }
}

async function buildAndMeasure(entry: string, platform: BuildOptions): Promise<BundleOutcome> {
  try {
    const result = await build({
      ...platform,
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      legalComments: 'none',
    })
    const code = result.outputFiles[0]?.contents
    if (code === undefined) return { ok: false, errors: ['esbuild produced no output'] }
    return { ok: true, ...measure(code), byPackage: bytesByPackage(result.metafile) }
  } catch (error) {
    return { ok: false, errors: buildErrors(error) }
  }
}

function buildErrors(error: unknown): string[] {
  if (
    typeof error === 'object' &&
    error !== null &&
    'errors' in error &&
    Array.isArray(error.errors)
  ) {
    const texts = error.errors.map((e: unknown) =>
      typeof e === 'object' && e !== null && 'text' in e ? String(e.text) : String(e),
    )
    return [...new Set(texts)]
  }
  return [String(error)]
}

function bytesByPackage(metafile: Metafile): Array<readonly [string, number]> {
  const totals = new Map<string, number>()
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const key = packageOf(path)
      totals.set(key, (totals.get(key) ?? 0) + input.bytesInOutput)
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1])
}

/** The npm package of a bundled file, or `@authing-edge/<dir>` for a workspace package. */
function packageOf(path: string): string {
  const npm = packageInNodeModules(path)
  if (npm !== undefined) return npm
  const workspace = /packages\/([^/]+)\//.exec(path)
  return workspace ? `@authing-edge/${workspace[1]}` : path
}
