// `pnpm release:jsr-dry-run`: checks each jsr.json against its package.json, then runs
// `jsr publish --dry-run` for every public package. The jsr CLI wants to download Deno from
// dl.deno.land, which is unreachable here; the Deno that scripts/runtimes.sh installs from the npm
// registry is handed to it instead (DENO_BIN, or .toolchain/runtimes). Slow types are allowed:
// valibot schemas exported as `const` have inferred types, which JSR calls "slow" (see
// docs/releasing.md); the run without the flag is shown first so the count stays visible.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { checkJsrManifest, jsrPublishDryRun } from './jsr.ts'
import { describeRun } from './run.ts'
import { listPublicPackages, REPO_ROOT } from './workspace.ts'

const denoBin =
  process.env.DENO_BIN ?? join(REPO_ROOT, '.toolchain/runtimes/node_modules/.bin/deno')
if (!existsSync(denoBin)) {
  console.error(`No Deno binary at ${denoBin}: run \`source scripts/runtimes.sh\` first.`)
  process.exit(1)
}

let failed = 0
for (const pkg of await listPublicPackages()) {
  console.log(`\n== ${pkg.name}@${pkg.version}`)
  const problems = await checkJsrManifest(pkg)
  for (const problem of problems) console.log(`!! jsr.json: ${problem}`)
  const strict = await jsrPublishDryRun(pkg, denoBin)
  const slow = (strict.stderr.match(/error\[missing-explicit-type\]/g) ?? []).length
  console.log(
    strict.code === 0
      ? 'without --allow-slow-types: passes'
      : `without --allow-slow-types: fails (${slow} slow types)`,
  )
  const result = await jsrPublishDryRun(pkg, denoBin, ['--allow-slow-types'])
  const output = `${result.stdout}${result.stderr}`
  const simulated = output
    .split('\n')
    .filter((line) => /Simulating publish|file:\/\/|Dry run complete/.test(line))
  if (result.code === 0 && problems.length === 0) console.log(simulated.join('\n'))
  else {
    console.log(describeRun(`jsr publish --dry-run --allow-slow-types (${pkg.name})`, result))
    failed++
  }
}
console.log(
  failed === 0 ? '\njsr dry run: all packages pass' : `\njsr dry run: ${failed} package(s) fail`,
)
process.exitCode = failed === 0 ? 0 : 1
