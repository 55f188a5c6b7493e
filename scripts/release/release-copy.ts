import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, relative } from 'node:path'
import { syncJsrVersion } from './jsr.ts'
import { describeRun, type RunResult, run } from './run.ts'
import { listPublicPackages, type PublicPackage } from './workspace.ts'

/** Folders never copied: installs, caches, VCS data and generated output. */
const SKIPPED = new Set([
  'node_modules',
  '.git',
  '.toolchain',
  '.turbo',
  '.tmp',
  '.wrangler',
  'coverage',
])

/** A throw-away copy of the repository in which release commands may change files. */
export interface ReleaseCopy {
  /** Absolute path of the copy. */
  readonly dir: string
  /** Removes the copy. */
  dispose(): Promise<void>
}

/**
 * Copies the working tree (built `dist/` folders included; installs, `.git` and caches left out)
 * into a temporary folder, so `changeset version` and `changeset pack` can run there without
 * touching the real checkout. The copy borrows the root `node_modules` through a symlink.
 *
 * @param root - repository root
 * @returns the copy
 */
export async function createReleaseCopy(root: string): Promise<ReleaseCopy> {
  const dir = await mkdtemp(join(tmpdir(), 'authing-edge-release-'))
  await cp(root, dir, {
    recursive: true,
    filter: (source) =>
      !SKIPPED.has(basename(source)) && relative(root, source) !== join('docs', 'api'),
  })
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * Gives each public package of a copy a `node_modules/<dep>` link to the copy's own workspace
 * dependencies: `pnpm pack` reads a dependency's version there to replace `workspace:^`.
 *
 * @param packages - the copy's public packages
 */
export async function linkWorkspaceDependencies(packages: readonly PublicPackage[]): Promise<void> {
  const byName = new Map(packages.map((pkg) => [pkg.name, pkg]))
  for (const pkg of packages) {
    for (const [dep, spec] of Object.entries(pkg.manifest.dependencies)) {
      const target = byName.get(dep)
      if (target === undefined || !spec.startsWith('workspace:')) continue
      const link = join(pkg.dir, 'node_modules', dep)
      await mkdir(join(link, '..'), { recursive: true })
      await symlink(target.dir, link, 'dir')
    }
  }
}

/**
 * Runs the root's `changeset` CLI in a folder, without colours.
 *
 * @param root - repository root (whose `node_modules` holds the CLI)
 * @param cwd - where to run it
 * @param args - the subcommand and its flags
 * @returns the finished run
 */
export function changeset(root: string, cwd: string, args: readonly string[]): Promise<RunResult> {
  const bin = join(root, 'node_modules', '@changesets', 'cli', 'bin.js')
  return run(process.execPath, [bin, ...args], { cwd, env: { NO_COLOR: '1' } })
}

/**
 * Applies the pending changesets in a copy (`changeset version`), keeps each `jsr.json` version
 * in step, and links workspace dependencies so the copy can be packed.
 *
 * @param root - repository root
 * @param copy - the copy to version
 * @returns the copy's public packages after versioning
 */
export async function versionCopy(root: string, copy: ReleaseCopy): Promise<PublicPackage[]> {
  const versioned = await changeset(root, copy.dir, ['version'])
  if (versioned.code !== 0) throw new Error(describeRun('changeset version', versioned))
  const packages = await listPublicPackages(copy.dir)
  for (const pkg of packages) await syncJsrVersion(pkg)
  await linkWorkspaceDependencies(packages)
  return packages
}
