import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isRecord } from './is-record.ts'

/** One package `changeset publish --from-pack-dir` would upload. */
export interface PlannedRelease {
  readonly name: string
  readonly version: string
  readonly access: string
  /** npm dist-tag, e.g. `latest`. */
  readonly tag: string
  /** Absolute path of the packed tarball. */
  readonly tarball: string
  /** `sha256-<base64>` as changesets recorded it. */
  readonly integrity: string
}

function field(entry: Record<string, unknown>, key: string, where: string): string {
  const value = entry[key]
  if (typeof value !== 'string') throw new Error(`${where}: "${key}" must be a string`)
  return value
}

/**
 * Reads the `publish-plan.json` that `changeset pack --out-dir <dir>` writes and checks that each
 * tarball on disk still has the integrity changesets recorded.
 *
 * @param dir - the pack output folder
 * @returns the releases to publish, in publishing order
 * @throws Error when the plan is malformed or a tarball does not match its integrity
 */
export async function readPublishPlan(dir: string): Promise<PlannedRelease[]> {
  const file = join(dir, 'publish-plan.json')
  const json: unknown = JSON.parse(await readFile(file, 'utf8'))
  if (!isRecord(json) || json.version !== 1 || !Array.isArray(json.plan)) {
    throw new Error(`${file}: expected { "version": 1, "plan": [...] }`)
  }
  const releases: PlannedRelease[] = []
  for (const group of json.plan) {
    if (!Array.isArray(group)) throw new Error(`${file}: each plan entry must be an array`)
    for (const entry of group) {
      if (!isRecord(entry) || entry.kind !== 'publish') continue
      const tarball = entry.tarball
      if (!isRecord(tarball)) throw new Error(`${file}: a publish entry has no tarball`)
      const release: PlannedRelease = {
        name: field(entry, 'name', file),
        version: field(entry, 'version', file),
        access: field(entry, 'access', file),
        tag: field(entry, 'tag', file),
        tarball: join(dir, field(tarball, 'path', file)),
        integrity: field(tarball, 'integrity', file),
      }
      const digest = createHash('sha256')
        .update(await readFile(release.tarball))
        .digest('base64')
      if (`sha256-${digest}` !== release.integrity) {
        throw new Error(`${release.tarball}: integrity differs from the publish plan`)
      }
      releases.push(release)
    }
  }
  return releases
}
