import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { checkJsrManifest, jsrPublishDryRun } from '../../../../scripts/release/jsr.ts'
import { describeRun } from '../../../../scripts/release/run.ts'

const { root, packages } = inject('packSmoke')

// The jsr CLI downloads Deno from dl.deno.land unless DENO_BIN_PATH names a binary; that host is
// unreachable here, so the Deno installed from the npm registry by scripts/runtimes.sh is used.
const denoBin = process.env.DENO_BIN ?? join(root, '.toolchain/runtimes/node_modules/.bin/deno')

describe('JSR: jsr.json and `jsr publish --dry-run`', () => {
  test.each(packages)('$name has a jsr.json that agrees with its package.json', async (pkg) => {
    expect(await checkJsrManifest(pkg)).toEqual([])
  })

  test.each(packages)('$name passes jsr publish --dry-run (slow types allowed)', async (pkg) => {
    expect(existsSync(denoBin), `no Deno at ${denoBin}: source scripts/runtimes.sh`).toBe(true)
    const result = await jsrPublishDryRun(pkg, denoBin, ['--allow-slow-types'])
    expect(result.code, describeRun(`jsr publish --dry-run (${pkg.name})`, result)).toBe(0)
    expect(result.stdout + result.stderr).toContain('Dry run complete')
  })
})
