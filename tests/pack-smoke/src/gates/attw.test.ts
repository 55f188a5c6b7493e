import { basename } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { describeRun, run } from '../../../../scripts/release/run.ts'
import { rootBin } from '../tools.ts'

const { root, packages } = inject('packSmoke')

// The packages are ESM only (see docs/releasing.md): the `esm-only` profile checks `node16` from
// ESM and `bundler` resolution of every entry point and leaves out `require` from CommonJS, which
// Node 20.19+ and 22.12+ serve through require(esm) anyway.
describe('attw (are the types wrong) on the packed tarball, profile esm-only', () => {
  test.each(packages)('$name resolves types for every entry point', async ({ tarball }) => {
    const args = ['--profile', 'esm-only', '--format', 'table', '--no-color', tarball]
    const result = await run(rootBin(root, 'attw'), args, { cwd: root })
    expect(
      result.code,
      describeRun(`attw ${args.join(' ').replace(tarball, basename(tarball))}`, result),
    ).toBe(0)
  })
})
