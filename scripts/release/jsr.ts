import { access, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isRecord } from './is-record.ts'
import { type RunResult, run } from './run.ts'
import { entryPoints, type PublicPackage } from './workspace.ts'

/** The fields of a `jsr.json` the release tooling reads and keeps in step with `package.json`. */
export interface JsrManifest {
  readonly name: string
  readonly version: string
  /** Subpath -> TypeScript source file, e.g. `{ ".": "./src/index.ts" }`. */
  readonly exports: Readonly<Record<string, string>>
}

/**
 * Reads and checks a package's `jsr.json`.
 *
 * @param dir - the package folder
 * @returns the checked fields and the parsed document (to write back with other fields intact)
 */
export async function readJsrManifest(
  dir: string,
): Promise<{ manifest: JsrManifest; document: Record<string, unknown> }> {
  const file = join(dir, 'jsr.json')
  const document: unknown = JSON.parse(await readFile(file, 'utf8'))
  if (!isRecord(document)) throw new Error(`${file}: not a JSON object`)
  const { name, version } = document
  if (typeof name !== 'string') throw new Error(`${file}: "name" must be a string`)
  if (typeof version !== 'string') throw new Error(`${file}: "version" must be a string`)
  const raw = document.exports
  const exports: Record<string, string> = {}
  if (typeof raw === 'string') exports['.'] = raw
  else if (isRecord(raw)) {
    for (const [subpath, target] of Object.entries(raw)) {
      if (typeof target !== 'string')
        throw new Error(`${file}: exports["${subpath}"] must be a string`)
      exports[subpath] = target
    }
  } else throw new Error(`${file}: "exports" must be a string or an object`)
  return { manifest: { name, version, exports }, document }
}

/**
 * Compares a package's `jsr.json` with its `package.json`: same name and version, the same entry
 * points, and every exported source file present.
 *
 * @param pkg - the npm package
 * @returns one line per problem; empty when the two agree
 */
export async function checkJsrManifest(pkg: PublicPackage): Promise<string[]> {
  const { manifest } = await readJsrManifest(pkg.dir)
  const problems: string[] = []
  if (manifest.name !== pkg.name) problems.push(`name is ${manifest.name}, npm name is ${pkg.name}`)
  if (manifest.version !== pkg.version) {
    problems.push(`version is ${manifest.version}, package.json says ${pkg.version}`)
  }
  const npmEntries = entryPoints(pkg.manifest).sort()
  const jsrEntries = Object.keys(manifest.exports).sort()
  if (npmEntries.join(',') !== jsrEntries.join(',')) {
    problems.push(
      `exports ${jsrEntries.join(', ')} differ from package.json's ${npmEntries.join(', ')}`,
    )
  }
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    try {
      await access(join(pkg.dir, target))
    } catch {
      problems.push(`exports["${subpath}"] points to ${target}, which does not exist`)
    }
  }
  return problems
}

/**
 * Copies the version of `package.json` into `jsr.json` (changesets only bumps `package.json`).
 *
 * @param pkg - the package whose `jsr.json` to update
 * @returns whether the file changed
 */
export async function syncJsrVersion(pkg: PublicPackage): Promise<boolean> {
  const { manifest, document } = await readJsrManifest(pkg.dir)
  if (manifest.version === pkg.version) return false
  document.version = pkg.version
  await writeFile(join(pkg.dir, 'jsr.json'), `${JSON.stringify(document, null, 2)}\n`)
  return true
}

/**
 * Runs `jsr publish --dry-run` in a package folder. The `jsr` CLI downloads a Deno binary from
 * dl.deno.land unless `DENO_BIN_PATH` names one; the Deno from the npm registry (scripts/runtimes.sh
 * exports it as `DENO_BIN`) is passed so the run needs no network.
 *
 * @param pkg - the package to check
 * @param denoBin - path of a Deno 2 binary
 * @param extraArgs - more `deno publish` flags, e.g. `--allow-slow-types`
 * @returns the finished run
 */
export function jsrPublishDryRun(
  pkg: PublicPackage,
  denoBin: string,
  extraArgs: readonly string[] = [],
): Promise<RunResult> {
  return run('pnpm', ['exec', 'jsr', 'publish', '--dry-run', '--allow-dirty', ...extraArgs], {
    cwd: pkg.dir,
    env: { DENO_BIN_PATH: denoBin, NO_COLOR: '1' },
    timeoutMs: 180_000,
  })
}
