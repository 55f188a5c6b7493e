import { join } from 'node:path'
import { describeRun, run } from './run.ts'
import { readTarball, type TarballEntry } from './tarball.ts'
import { type PackageManifest, type PublicPackage, parseManifest } from './workspace.ts'

/** A package packed into a tarball exactly as `pnpm publish` would upload it. */
export interface PackedPackage {
  readonly name: string
  readonly version: string
  /** Absolute path of the `.tgz`. */
  readonly tarball: string
  /** Files inside the tarball, paths relative to the package root. */
  readonly files: readonly TarballEntry[]
  /** The `package.json` inside the tarball (workspace ranges already replaced). */
  readonly manifest: PackageManifest
}

/**
 * The file name npm and changesets give a tarball: `@scope/name` 1.2.3 -> `scope-name-1.2.3.tgz`.
 *
 * @param name - package name
 * @param version - package version
 * @returns the tarball's file name
 */
export function tarballFileName(name: string, version: string): string {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`
}

/**
 * Reads a packed tarball and checks it is publishable as is: it has a `package.json`, and no
 * dependency range still says `workspace:` (pnpm replaces those with real versions when packing).
 *
 * @param tarball - path of the `.tgz`
 * @returns its files and its manifest
 * @throws Error when the manifest is missing or a `workspace:` range was left in it
 */
export async function inspectTarball(tarball: string): Promise<PackedPackage> {
  const files = await readTarball(tarball)
  const manifestFile = files.find((file) => file.path === 'package.json')
  if (manifestFile === undefined) throw new Error(`${tarball}: no package.json inside`)
  const text = new TextDecoder().decode(manifestFile.content)
  const manifest = parseManifest(JSON.parse(text), `${tarball}!package.json`)
  if (text.includes('"workspace:')) {
    throw new Error(`${tarball}: package.json still has a workspace: range; pack it with pnpm`)
  }
  return { name: manifest.name, version: manifest.version, tarball, files, manifest }
}

/**
 * The files an `exports` map points to that are not in the tarball (usually: not built).
 *
 * @param packed - a packed package
 * @returns the missing targets, e.g. `./dist/node.js`
 */
export function missingExportTargets(packed: PackedPackage): string[] {
  const present = new Set(packed.files.map((file) => `./${file.path}`))
  return packed.manifest.exportTargets.filter((target) => !present.has(target))
}

/**
 * Packs one package with `pnpm pack` (the same command `changeset publish` and `pnpm publish`
 * use, so `workspace:^` becomes `^<version>`), into `destination`.
 *
 * @param pkg - the package to pack; it must be built already
 * @param destination - folder that receives the `.tgz`
 * @returns the packed package
 */
export async function packPackage(pkg: PublicPackage, destination: string): Promise<PackedPackage> {
  const tarball = join(destination, tarballFileName(pkg.name, pkg.version))
  const packed = await run('pnpm', ['pack', '--out', tarball], { cwd: pkg.dir })
  if (packed.code !== 0) throw new Error(describeRun(`pnpm pack (${pkg.name})`, packed))
  return inspectTarball(tarball)
}
