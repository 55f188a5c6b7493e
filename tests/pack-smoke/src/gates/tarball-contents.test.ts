import { describe, expect, inject, test } from 'vitest'
import { inspectTarball, missingExportTargets } from '../../../../scripts/release/pack.ts'
import { describeRun, run } from '../../../../scripts/release/run.ts'

const { root, packages } = inject('packSmoke')
const versions = new Map(packages.map((pkg) => [pkg.name, pkg.version]))

describe('tarball contents', () => {
  test.each(packages)(
    '$name ships package.json, README.md and every file its exports name',
    async (pkg) => {
      const packed = await inspectTarball(pkg.tarball)
      const paths = packed.files.map((file) => file.path)
      expect(paths).toContain('package.json')
      expect(paths, `${pkg.name} ships no README.md`).toContain('README.md')
      expect(missingExportTargets(packed), 'exports targets missing from the tarball').toEqual([])
      expect(
        paths.filter((path) => /\.test(-d)?\.|(^|\/)src\//.test(path)),
        'tests or sources shipped',
      ).toEqual([])
    },
  )

  test.each(packages)(
    '$name depends on the versions of our packages that are released with it',
    async (pkg) => {
      const { manifest } = await inspectTarball(pkg.tarball)
      for (const [dependency, range] of Object.entries(manifest.dependencies)) {
        const version = versions.get(dependency)
        if (version !== undefined) expect(range, `${pkg.name} -> ${dependency}`).toBe(`^${version}`)
      }
    },
  )

  test.each(packages)(
    'the tarball reader lists the same files as tar(1) for $name',
    async (pkg) => {
      const listed = await run('tar', ['-tzf', pkg.tarball], { cwd: root })
      expect(listed.code, describeRun('tar -tzf', listed)).toBe(0)
      const fromTar = listed.stdout
        .split('\n')
        .filter((line) => line !== '' && !line.endsWith('/'))
        .map((line) => line.replace(/^package\//, ''))
      const { files } = await inspectTarball(pkg.tarball)
      expect(files.map((file) => file.path).sort()).toEqual(fromTar.sort())
    },
  )
})
