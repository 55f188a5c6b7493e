import { existsSync } from 'node:fs'
import { join, relative } from 'node:path'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import budgets from '../../../../.size-limit.ts'
import { isRecord } from '../../../../scripts/release/is-record.ts'
import { describeRun, run } from '../../../../scripts/release/run.ts'
import { specifierOf } from '../../../../scripts/release/workspace.ts'
import { rootBin } from '../tools.ts'

const { root, packages } = inject('packSmoke')

interface Measured {
  readonly name: string
  readonly passed: boolean
  readonly size: number
  readonly sizeLimit: number | undefined
}

function parseResults(stdout: string): Measured[] {
  const json: unknown = JSON.parse(stdout)
  if (!Array.isArray(json)) throw new Error(`size-limit --json printed no array:\n${stdout}`)
  return json.map((item: unknown): Measured => {
    if (!isRecord(item)) throw new Error(`size-limit: unexpected result ${JSON.stringify(item)}`)
    const { name, passed, size, sizeLimit } = item
    if (typeof name !== 'string' || typeof passed !== 'boolean' || typeof size !== 'number') {
      throw new Error(`size-limit: unexpected result ${JSON.stringify(item)}`)
    }
    return { name, passed, size, sizeLimit: typeof sizeLimit === 'number' ? sizeLimit : undefined }
  })
}

describe('size-limit budgets (bundled with dependencies, minified, gzipped)', () => {
  let measured: Measured[] = []
  let failure = ''
  beforeAll(async () => {
    const result = await run(rootBin(root, 'size-limit'), ['--json'], { cwd: root })
    try {
      measured = parseResults(result.stdout)
    } catch {
      failure = describeRun('size-limit --json', result)
    }
  })

  test('every published entry point has a budget on the file its exports map names', async () => {
    const missing: string[] = []
    for (const pkg of packages) {
      const { exportTargets } = pkg.manifest
      for (const subpath of pkg.entryPoints) {
        const specifier = specifierOf(pkg.name, subpath)
        const budget = budgets.find((entry) => entry.name === specifier)
        const target = budget && `./${relative(pkg.dir, join(root, budget.path))}`
        if (target === undefined || !exportTargets.includes(target)) {
          missing.push(specifier)
        }
      }
    }
    expect(missing, 'entry points without a budget in .size-limit.ts').toEqual([])
  })

  test.each(budgets)('$name stays within $limit', ({ name, path, limit }) => {
    expect(failure).toBe('')
    expect(existsSync(join(root, path)), `${path} does not exist: is it built?`).toBe(true)
    const result = measured.find((item) => item.name === name)
    expect(result, `size-limit reported nothing for ${name}`).toBeDefined()
    const { size = 0, sizeLimit, passed = false } = result ?? {}
    console.info(`size-limit ${name}: ${size} B of ${limit}`)
    expect(sizeLimit, `no limit was applied to ${name}`).toBeGreaterThan(0)
    expect(size, `${name} bundled to 0 bytes`).toBeGreaterThan(0)
    expect(passed, `${name} is ${size} B min+gz, over its ${limit} budget`).toBe(true)
  })
})
