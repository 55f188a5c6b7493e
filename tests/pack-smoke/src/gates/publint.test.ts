import { basename } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { describeRun, run } from '../../../../scripts/release/run.ts'
import { rootBin } from '../tools.ts'

const { root, packages } = inject('packSmoke')

describe('publint --strict on the packed tarball', () => {
  test.each(packages)('$name has no publint errors or warnings', async ({ tarball }) => {
    const result = await run(rootBin(root, 'publint'), ['run', '--strict', tarball], { cwd: root })
    expect(result.code, describeRun(`publint run --strict ${basename(tarball)}`, result)).toBe(0)
  })
})
