import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { delimiter, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isRecord } from '../../../scripts/release/is-record.ts'
import { describeRun, run } from '../../../scripts/release/run.ts'
import type { ConsumerProject, PackedPackageInfo } from './context.ts'

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url))
/** Files copied into the consumer project: the smoke script and its two tsconfigs. */
export const CONSUMER_FIXTURES: string = join(PACKAGE_DIR, 'fixtures', 'consumer')

/** `PATH` with the running (project) Node's folder first, so `npm`'s `#!/usr/bin/env node` uses it. */
export function projectNodePath(): string {
  return [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter)
}

/** The `@types/node` pin of this package, reused for the consumer. */
async function typesNodeVersion(): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile(join(PACKAGE_DIR, 'package.json'), 'utf8'))
  const devDeps = isRecord(manifest) ? manifest.devDependencies : undefined
  const version = isRecord(devDeps) ? devDeps['@types/node'] : undefined
  if (typeof version !== 'string')
    throw new Error('tests/pack-smoke/package.json pins no @types/node')
  return version
}

/**
 * Checks that npm took every package of ours from its tarball: the lockfile must resolve each
 * one to a `file:` tarball, once, at the top level.
 */
function checkLockfile(lock: unknown, packages: readonly PackedPackageInfo[]): void {
  const entries = isRecord(lock) && isRecord(lock.packages) ? lock.packages : {}
  for (const pkg of packages) {
    const entry = entries[`node_modules/${pkg.name}`]
    const resolved = isRecord(entry) ? entry.resolved : undefined
    if (typeof resolved !== 'string' || !resolved.startsWith('file:')) {
      throw new Error(
        `npm did not install ${pkg.name} from its tarball (resolved: ${String(resolved)})`,
      )
    }
    if (isRecord(entry) && entry.version !== pkg.version) {
      throw new Error(`npm installed ${pkg.name}@${String(entry.version)}, packed ${pkg.version}`)
    }
  }
  for (const key of Object.keys(entries)) {
    const nested = packages.find(
      (pkg) => key.endsWith(`/node_modules/${pkg.name}`) && key !== `node_modules/${pkg.name}`,
    )
    if (nested !== undefined)
      throw new Error(`npm installed a second copy of ${nested.name} at ${key}`)
  }
}

/**
 * Creates a project outside the workspace and installs the packed tarballs into it with npm,
 * run by the project's Node (first on PATH). Third-party dependencies (ky, valibot,
 * `@types/node`) come from the npm registry or npm's cache. Then copies the smoke fixtures in.
 *
 * @param dir - an empty folder outside the repository
 * @param packages - the packed public packages
 * @param root - repository root, to refuse a folder inside it
 * @returns the installed project
 */
export async function createConsumerProject(
  dir: string,
  packages: readonly PackedPackageInfo[],
  root: string,
): Promise<ConsumerProject> {
  if (!relative(root, dir).startsWith('..')) throw new Error(`${dir} is inside the workspace`)
  await mkdir(dir, { recursive: true })
  const fromTarballs = Object.fromEntries(packages.map((pkg) => [pkg.name, `file:${pkg.tarball}`]))
  const manifest = {
    name: 'authing-edge-consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: fromTarballs,
    devDependencies: { '@types/node': await typesNodeVersion() },
    // Our packages depend on each other by version (`^0.1.0`): pin those to the tarballs too, so
    // nothing of ours is ever fetched from the registry.
    overrides: fromTarballs,
  }
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const env = { PATH: projectNodePath(), npm_config_update_notifier: 'false' }
  const versions = await run('npm', ['version', '--json'], { cwd: dir, env })
  if (versions.code !== 0) throw new Error(describeRun('npm version --json', versions))
  const reported: unknown = JSON.parse(versions.stdout)
  const nodeVersion = isRecord(reported) ? String(reported.node) : '?'
  const npmVersion = isRecord(reported) ? String(reported.npm) : '?'
  const install = await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    { cwd: dir, env, timeoutMs: 300_000 },
  )
  if (install.code !== 0) throw new Error(describeRun('npm install (consumer project)', install))
  checkLockfile(JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8')), packages)
  for (const name of await readdir(CONSUMER_FIXTURES)) {
    await copyFile(join(CONSUMER_FIXTURES, name), join(dir, name))
  }
  return { dir, nodeVersion: `v${nodeVersion}`, npmVersion }
}
