import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { isRecord } from '../../../../scripts/release/is-record.ts'
import { describeRun, type RunResult, run } from '../../../../scripts/release/run.ts'
import { rootBin } from '../tools.ts'

const { root, workDir, packages } = inject('packSmoke')

/** The `name` and `children` of a node of TypeDoc's JSON output. */
function childrenOf(node: unknown): { name: string; children: unknown[] }[] {
  const children = isRecord(node) && Array.isArray(node.children) ? node.children : []
  return children.filter(isRecord).map((child) => ({
    name: typeof child.name === 'string' ? child.name : '',
    children: Array.isArray(child.children) ? child.children : [],
  }))
}

describe('API reference (TypeDoc, typedoc.json) generated into a temporary folder', () => {
  const out = join(workDir, 'api')
  let result: RunResult
  let project: unknown

  beforeAll(async () => {
    const args = ['--out', join(out, 'html'), '--json', join(out, 'api.json'), '--logLevel', 'Warn']
    const raw = await run(rootBin(root, 'typedoc'), args, { cwd: root, env: { NO_COLOR: '1' } })
    // TypeDoc warns hundreds of times that a property of a valibot-inferred object type "has
    // multiple declarations with a comment" (both at the same line): noise, left out of reports.
    const noise = /has multiple declarations with a comment/
    const keep = (text: string) =>
      text
        .split('\n')
        .filter((line) => !noise.test(line))
        .join('\n')
    result = { code: raw.code, stdout: keep(raw.stdout), stderr: keep(raw.stderr) }
    if (existsSync(join(out, 'api.json')))
      project = JSON.parse(await readFile(join(out, 'api.json'), 'utf8'))
  }, 300_000)

  test('typedoc converts every package without errors or validation warnings', () => {
    expect(result.code, describeRun('typedoc', result)).toBe(0)
    expect(existsSync(join(out, 'html', 'index.html')), 'no index.html was written').toBe(true)
  })

  test.each(packages)('$name has a documented page for every entry point', (pkg) => {
    expect(project, 'typedoc wrote no api.json: see the first check').toBeDefined()
    const module = childrenOf(project).find((child) => child.name === pkg.name)
    expect(module, `no module named ${pkg.name} in the API reference`).toBeDefined()
    expect(module?.children.length ?? 0, `${pkg.name} documents no exports`).toBeGreaterThan(0)
    const page = pkg.name.replace(/[@/]/g, '_')
    const pages = [`${page}.html`]
    // `./internal` subpaths (core's, for the legacy package) are not public API: not documented.
    const documented = pkg.entryPoints.filter((subpath) => !/(^|\/)internal$/.test(subpath))
    if (documented.length > 1) {
      const names = childrenOf({ children: module?.children }).map((child) => child.name)
      for (const subpath of documented) {
        const entry = subpath === '.' ? 'index' : subpath.replace(/^\.\//, '')
        expect(names, `${pkg.name}: nothing documented for ${subpath}`).toContain(entry)
        pages.push(`${page}.${entry}.html`)
      }
    }
    for (const name of pages) {
      expect(existsSync(join(out, 'html', 'modules', name)), `no page modules/${name}`).toBe(true)
    }
  })
})
