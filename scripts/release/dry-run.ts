// `pnpm release:dry-run`: shows exactly what the next release would publish, without writing to
// any registry or to this checkout. 1) `changeset status`; 2) `changeset version` applied to a
// temporary copy of the working tree (new versions and changelog entries); 3) `changeset pack`
// in that copy: the tarballs `changeset publish --from-pack-dir` would upload, with their files
// and sizes; 4) a check that this checkout was left as it was. Tarballs stay in .tmp/release-dry-run.
import { createHash } from 'node:crypto'
import { readdir, readFile, rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { formatBytes } from './format.ts'
import { inspectTarball, missingExportTargets } from './pack.ts'
import { readPublishPlan } from './publish-plan.ts'
import { changeset, createReleaseCopy, type ReleaseCopy, versionCopy } from './release-copy.ts'
import { describeRun } from './run.ts'
import { listPublicPackages, REPO_ROOT } from './workspace.ts'

const root = REPO_ROOT
const outDir = join(root, '.tmp', 'release-dry-run')

function section(title: string): void {
  console.log(`\n== ${title}`)
}

/** A hash of each file a release touches, to prove the dry run changed none of them. */
async function releaseFiles(): Promise<Map<string, string>> {
  const files = [join(root, 'package.json')]
  for (const name of (await readdir(join(root, '.changeset'))).sort()) {
    files.push(join(root, '.changeset', name))
  }
  for (const pkg of await listPublicPackages(root)) {
    for (const name of ['package.json', 'jsr.json', 'CHANGELOG.md']) files.push(join(pkg.dir, name))
  }
  const hashes = new Map<string, string>()
  for (const file of files) {
    const bytes = await readFile(file).catch(() => undefined)
    hashes.set(relative(root, file), bytes ? createHash('sha256').update(bytes).digest('hex') : '-')
  }
  return hashes
}

/** The newest section of a changelog: from the first `## ` heading to the next one. */
function latestEntry(changelog: string): string {
  const start = changelog.indexOf('\n## ')
  if (start === -1) return changelog.trim()
  const next = changelog.indexOf('\n## ', start + 1)
  return changelog.slice(start + 1, next === -1 ? undefined : next).trim()
}

/** Step 1: the pending changesets. Returns whether `changeset status` was content. */
async function showStatus(): Promise<boolean> {
  section('1/4 pending changesets: changeset status --verbose')
  const status = await changeset(root, root, ['status', '--verbose'])
  console.log(`${status.stdout}${status.stderr}`.trim())
  if (status.code !== 0) console.log('!! changeset status failed (see above)')
  return status.code === 0
}

/** Step 2: versions and changelog entries after `changeset version` in the copy. */
async function showVersions(copy: ReleaseCopy): Promise<void> {
  section('2/4 changeset version, applied to a temporary copy of the working tree')
  const current = new Map((await listPublicPackages(root)).map((pkg) => [pkg.name, pkg.version]))
  const packages = await versionCopy(root, copy)
  for (const pkg of packages) {
    const from = current.get(pkg.name) ?? '(new)'
    const note = from === pkg.version ? ' (unchanged)' : ''
    console.log(`\n${pkg.name}: ${from} -> ${pkg.version}${note}`)
    const changelog = await readFile(join(pkg.dir, 'CHANGELOG.md'), 'utf8').catch(() => '')
    if (changelog !== '' && note === '') {
      console.log(`  CHANGELOG.md gets:\n${latestEntry(changelog).replace(/^/gm, '  | ')}`)
    }
  }
}

/** Step 3: `changeset pack` in the copy, and every tarball's contents. Returns whether all are complete. */
async function showTarballs(copy: ReleaseCopy): Promise<boolean> {
  section('3/4 changeset pack in the copy: what `changeset publish --from-pack-dir` would upload')
  await rm(outDir, { recursive: true, force: true })
  const packed = await changeset(root, copy.dir, ['pack', '--out-dir', outDir])
  if (packed.code !== 0) throw new Error(describeRun('changeset pack', packed))
  console.log(`${packed.stdout}${packed.stderr}`.trim())
  const plan = await readPublishPlan(outDir)
  if (plan.length === 0)
    console.log('Nothing to publish: every version is already on the registry.')
  let complete = true
  for (const release of plan) {
    const { files, manifest } = await inspectTarball(release.tarball)
    const unpacked = files.reduce((sum, file) => sum + file.size, 0)
    const size = (await readFile(release.tarball)).length
    console.log(
      `\n${release.name}@${release.version}  dist-tag ${release.tag}, access ${release.access}`,
    )
    console.log(`  tarball  ${relative(root, release.tarball)}  ${formatBytes(size)}`)
    console.log(`  ${release.integrity}`)
    console.log(`  ${files.length} files, ${formatBytes(unpacked)} unpacked:`)
    for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
      console.log(`    ${formatBytes(file.size).padStart(9)}  ${file.path}`)
    }
    const missing = missingExportTargets({ ...release, files, manifest })
    if (missing.length > 0) {
      console.log(
        `  !! exports point to files not in the tarball (not built?): ${missing.join(', ')}`,
      )
      complete = false
    }
    const deps = Object.entries(manifest.dependencies).map(([dep, range]) => `${dep}@${range}`)
    console.log(`  dependencies: ${deps.join(', ') || '(none)'}`)
  }
  return complete
}

async function main(): Promise<number> {
  const before = await releaseFiles()
  let ok = await showStatus()
  const copy = await createReleaseCopy(root)
  try {
    await showVersions(copy)
    ok = (await showTarballs(copy)) && ok
  } finally {
    await copy.dispose()
  }

  section('4/4 this checkout')
  const after = await releaseFiles()
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
    (name) => before.get(name) !== after.get(name),
  )
  if (changed.length === 0) {
    console.log('Unchanged: no package.json, jsr.json, CHANGELOG.md or changeset was modified.')
  } else {
    // Nothing here writes to the checkout: a change means someone edited these files meanwhile.
    console.log(`!! changed while the dry run ran: ${changed.sort().join(', ')}`)
    ok = false
  }
  console.log('No registry was written to (changeset publish was not run).')
  console.log(`Tarballs and publish-plan.json kept in ${relative(root, outDir)}/`)
  return ok ? 0 : 1
}

process.exitCode = await main()
