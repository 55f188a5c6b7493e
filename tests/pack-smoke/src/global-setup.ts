import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { packPackage } from '../../../scripts/release/pack.ts'
import { entryPoints, listPublicPackages, REPO_ROOT } from '../../../scripts/release/workspace.ts'
import { createConsumerProject } from './consumer-project.ts'
import type { ConsumerProject, PackedPackageInfo } from './context.ts'

/**
 * Packs every public package once (turbo built them before this runs) and installs the tarballs
 * into a consumer project outside the workspace; every gate then judges those same artifacts.
 * A failed install is handed on as an error for the gates that need it, so the others still run.
 * Set PACK_SMOKE_KEEP=1 to keep the temporary folder for a look.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const workDir = await mkdtemp(join(tmpdir(), 'authing-edge-pack-smoke-'))
  const tarballs = join(workDir, 'tarballs')
  await mkdir(tarballs)
  const packages: PackedPackageInfo[] = []
  for (const pkg of await listPublicPackages(REPO_ROOT)) {
    const packed = await packPackage(pkg, tarballs)
    packages.push({ ...pkg, tarball: packed.tarball, entryPoints: entryPoints(pkg.manifest) })
  }
  let consumer: ConsumerProject | { error: string }
  try {
    consumer = await createConsumerProject(join(workDir, 'consumer'), packages, REPO_ROOT)
  } catch (error) {
    consumer = { error: error instanceof Error ? error.message : String(error) }
  }
  project.provide('packSmoke', { root: REPO_ROOT, workDir, packages, consumer })
  return async () => {
    if (process.env.PACK_SMOKE_KEEP === '1') console.log(`pack-smoke: kept ${workDir}`)
    else await rm(workDir, { recursive: true, force: true })
  }
}
