import { createHash } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { tarballFileName } from '../../../scripts/release/pack.ts'
import { readPublishPlan } from '../../../scripts/release/publish-plan.ts'
import { entryPoints, parseManifest, specifierOf } from '../../../scripts/release/workspace.ts'
import { mapDiagnostics } from './examples/type-check-examples.ts'

describe('parseManifest', () => {
  test('reads entry points and every file the exports map names, conditions included', () => {
    const manifest = parseManifest(
      {
        name: '@authing-edge/emulator',
        version: '1.2.3',
        exports: {
          '.': { types: './dist/index.d.ts', default: './dist/index.js' },
          './node': { types: './dist/node.d.ts', default: './dist/node.js' },
          './package.json': './package.json',
        },
        dependencies: { valibot: '^1.5.0' },
      },
      'package.json',
    )
    expect(entryPoints(manifest)).toEqual(['.', './node'])
    expect(manifest.exportTargets).toEqual([
      './dist/index.d.ts',
      './dist/index.js',
      './dist/node.d.ts',
      './dist/node.js',
      './package.json',
    ])
    expect(manifest.dependencies).toEqual({ valibot: '^1.5.0' })
    expect(manifest.private).toBe(false)
  })

  test('names the field that is missing or of the wrong type', () => {
    expect(() => parseManifest({ version: '1.0.0' }, 'x/package.json')).toThrow(
      'x/package.json: "name" must be a string',
    )
    expect(() => parseManifest({ name: 'a', version: '1', dependencies: { b: 1 } }, 'p')).toThrow(
      'p dependencies.b must be a string',
    )
  })
})

describe('names', () => {
  test('an entry point becomes the specifier a consumer imports', () => {
    expect(specifierOf('@authing-edge/core', '.')).toBe('@authing-edge/core')
    expect(specifierOf('@authing-edge/emulator', './node')).toBe('@authing-edge/emulator/node')
  })

  test('a tarball gets the file name npm and changesets give it', () => {
    expect(tarballFileName('@authing-edge/core', '0.1.0')).toBe('authing-edge-core-0.1.0.tgz')
  })
})

describe('mapDiagnostics', () => {
  test('points tsc errors in an extracted example at the line of its Markdown document', () => {
    const block = { lang: 'ts', flags: [], line: 40, code: '' }
    const files = [
      { document: 'packages/core/README.md', block, path: 'packages_core_README.md/line-40.ts' },
    ]
    const output =
      "packages_core_README.md/line-40.ts(3,7): error TS2322: Type 'string' is not assignable."
    expect(mapDiagnostics(output, files)).toBe(
      "packages/core/README.md:42:7: error TS2322: Type 'string' is not assignable.",
    )
  })
})

describe('readPublishPlan', () => {
  let dir = ''
  afterEach(async () => {
    if (dir !== '') await rm(dir, { recursive: true, force: true })
  })

  async function writePlan(integrity: (bytes: Buffer) => string): Promise<void> {
    dir = await mkdtemp(join(tmpdir(), 'publish-plan-test-'))
    const bytes = Buffer.from('not really a tarball')
    await writeFile(join(dir, 'a.tgz'), bytes)
    const release = {
      kind: 'publish',
      name: '@authing-edge/types',
      version: '0.1.0',
      access: 'public',
      tag: 'latest',
      tarball: { path: 'a.tgz', integrity: integrity(bytes) },
    }
    const plan = { version: 1, plan: [[release], [{ kind: 'tag-only', name: 'private-app' }]] }
    await writeFile(join(dir, 'publish-plan.json'), JSON.stringify(plan))
  }

  test('lists the releases to publish with their tarballs', async () => {
    await writePlan((bytes) => `sha256-${createHash('sha256').update(bytes).digest('base64')}`)
    const releases = await readPublishPlan(dir)
    expect(releases).toHaveLength(1)
    expect(releases[0]).toMatchObject({
      name: '@authing-edge/types',
      version: '0.1.0',
      tag: 'latest',
    })
    expect(releases[0]?.tarball).toBe(join(dir, 'a.tgz'))
  })

  test('refuses a tarball whose bytes differ from the recorded integrity', async () => {
    await writePlan(() => `sha256-${createHash('sha256').update('other').digest('base64')}`)
    await expect(readPublishPlan(dir)).rejects.toThrow('integrity differs from the publish plan')
  })
})
