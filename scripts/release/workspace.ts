import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isRecord } from './is-record.ts'
import { run } from './run.ts'

/** Absolute path of the repository root (this file lives in `scripts/release/`). */
export const REPO_ROOT: string = fileURLToPath(new URL('../../', import.meta.url))

/** The fields of a `package.json` the release tooling reads, checked at run time. */
export interface PackageManifest {
  readonly name: string
  readonly version: string
  readonly private: boolean
  /** `exports` subpaths such as `.` or `./node`, in manifest order (`./package.json` included). */
  readonly exportSubpaths: readonly string[]
  /** Every file the `exports` map points to (all conditions), e.g. `./dist/index.js`. */
  readonly exportTargets: readonly string[]
  readonly dependencies: Readonly<Record<string, string>>
}

/** A workspace package that is published to npm (not `private`). */
export interface PublicPackage {
  readonly name: string
  readonly version: string
  /** Absolute path of the package folder. */
  readonly dir: string
  readonly manifest: PackageManifest
}

function collectTargets(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) for (const item of value) collectTargets(item, into)
  else if (isRecord(value)) for (const item of Object.values(value)) collectTargets(item, into)
  return into
}

function stringRecord(value: unknown, where: string): Record<string, string> {
  if (value === undefined) return {}
  if (!isRecord(value)) throw new Error(`${where} must be an object`)
  const out: Record<string, string> = {}
  for (const [key, spec] of Object.entries(value)) {
    if (typeof spec !== 'string') throw new Error(`${where}.${key} must be a string`)
    out[key] = spec
  }
  return out
}

/**
 * Checks the fields of a parsed `package.json` that the release tooling relies on.
 *
 * @param json - the parsed manifest
 * @param where - file name used in error messages
 * @returns the checked fields
 * @throws Error naming the first field that is missing or of the wrong type
 */
export function parseManifest(json: unknown, where: string): PackageManifest {
  if (!isRecord(json)) throw new Error(`${where}: not a JSON object`)
  const { name, version } = json
  if (typeof name !== 'string' || name === '') throw new Error(`${where}: "name" must be a string`)
  if (typeof version !== 'string') throw new Error(`${where}: "version" must be a string`)
  const exportsField = json.exports
  let exportSubpaths: string[] = []
  if (typeof exportsField === 'string') exportSubpaths = ['.']
  else if (isRecord(exportsField)) exportSubpaths = Object.keys(exportsField)
  return {
    name,
    version,
    private: json.private === true,
    exportSubpaths,
    exportTargets: [...new Set(collectTargets(exportsField, []))],
    dependencies: stringRecord(json.dependencies, `${where} dependencies`),
  }
}

/**
 * Reads and checks a package's `package.json`.
 *
 * @param dir - the package folder
 * @returns the checked fields
 */
async function readManifest(dir: string): Promise<PackageManifest> {
  const file = join(dir, 'package.json')
  return parseManifest(JSON.parse(await readFile(file, 'utf8')), file)
}

/**
 * Lists the workspace packages that get published (every member that is not `private`), as
 * pnpm sees the workspace, sorted by name.
 *
 * @param root - repository root (defaults to this checkout)
 * @returns the public packages
 */
export async function listPublicPackages(root: string = REPO_ROOT): Promise<PublicPackage[]> {
  const listed = await run('pnpm', ['ls', '--recursive', '--depth', '-1', '--json'], { cwd: root })
  if (listed.code !== 0) throw new Error(`pnpm ls failed:\n${listed.stderr}`)
  const members: unknown = JSON.parse(listed.stdout)
  if (!Array.isArray(members)) throw new Error('pnpm ls --json did not print an array')
  const packages: PublicPackage[] = []
  for (const member of members) {
    if (!isRecord(member) || typeof member.path !== 'string' || member.private === true) continue
    const manifest = await readManifest(member.path)
    if (manifest.private) continue
    packages.push({ name: manifest.name, version: manifest.version, dir: member.path, manifest })
  }
  return packages.sort((a, b) => a.name.localeCompare(b.name))
}

/**
 * The entry points a package publishes: its `exports` subpaths without `./package.json`.
 *
 * @param manifest - the package's checked manifest
 * @returns subpaths such as `.` and `./node`
 */
export function entryPoints(manifest: PackageManifest): string[] {
  return manifest.exportSubpaths.filter((subpath) => subpath !== './package.json')
}

/**
 * The import specifier of an entry point: `@scope/pkg` for `.`, `@scope/pkg/node` for `./node`.
 *
 * @param name - package name
 * @param subpath - an `exports` subpath
 * @returns the specifier a consumer writes
 */
export function specifierOf(name: string, subpath: string): string {
  return subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`
}
