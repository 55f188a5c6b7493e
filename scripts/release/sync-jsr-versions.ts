// Run after `changeset version` (root script `version-packages`): changesets bumps package.json
// only, and JSR reads the version from jsr.json.
import { relative } from 'node:path'
import { syncJsrVersion } from './jsr.ts'
import { listPublicPackages, REPO_ROOT } from './workspace.ts'

for (const pkg of await listPublicPackages()) {
  const changed = await syncJsrVersion(pkg)
  const where = relative(REPO_ROOT, pkg.dir)
  console.log(`${where}/jsr.json: ${changed ? `version set to ${pkg.version}` : 'already in step'}`)
}
