import { existsSync } from 'node:fs'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, inject, test } from 'vitest'
import { extractCodeBlocks, isCheckedTypeScript } from '../examples/code-blocks.ts'
import {
  type ExampleFile,
  type ResolutionMode,
  typeCheckExamples,
  writeExamples,
} from '../examples/type-check-examples.ts'
import { consumerOf } from '../tools.ts'

const context = inject('packSmoke')
const { root, packages } = context

/** Markdown files at the top of a folder, CHANGELOG.md left out (changesets writes it). */
async function markdownIn(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  const names = await readdir(dir)
  return names
    .filter((name) => name.endsWith('.md') && name !== 'CHANGELOG.md')
    .sort()
    .map((name) => join(dir, name))
}

describe('package READMEs', () => {
  test.each(packages)('$name has a README that opens with what the package is for', async (pkg) => {
    const file = join(pkg.dir, 'README.md')
    expect(existsSync(file), `${pkg.name} has no README.md`).toBe(true)
    const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '')
    expect(lines[0], 'the README starts with a "# " title').toMatch(/^# \S/)
    expect(lines[1], 'the title is followed by prose that says what the package is for').toMatch(
      /^(?!#|```|~~~|\||<|-{3,})\S/,
    )
  })

  test.each(packages)('$name has a TypeScript example in its README', async (pkg) => {
    const file = join(pkg.dir, 'README.md')
    const markdown = existsSync(file) ? await readFile(file, 'utf8') : ''
    const examples = extractCodeBlocks(markdown).filter(isCheckedTypeScript)
    expect(examples.length, `${pkg.name}: no checked \`\`\`ts block in README.md`).toBeGreaterThan(
      0,
    )
  })
})

describe('TypeScript examples of the READMEs (the root one too) and docs/ compile against the installed tarballs', () => {
  let files: ExampleFile[] = []
  let examplesDir = ''
  let consumerDir = ''

  beforeAll(async () => {
    const consumer = consumerOf(context)
    consumerDir = consumer.dir
    examplesDir = join(consumer.dir, 'examples')
    const documents = [
      ...(await Promise.all(packages.map((pkg) => markdownIn(pkg.dir)))).flat(),
      ...(await markdownIn(join(root, 'docs'))),
      join(root, 'README.md'),
    ]
    files = await writeExamples(documents, root, examplesDir)
    const perDocument = new Map<string, number>()
    for (const file of files)
      perDocument.set(file.document, (perDocument.get(file.document) ?? 0) + 1)
    for (const [document, count] of perDocument) console.info(`examples: ${count} from ${document}`)
  })

  test.each<ResolutionMode>(['bundler', 'node16'])('with moduleResolution %s', async (mode) => {
    expect(files.length, 'no TypeScript example was found in any document').toBeGreaterThan(0)
    const { ok, report } = await typeCheckExamples(examplesDir, consumerDir, mode, files)
    expect(ok, `tsc (${mode}) failed on the documented examples:\n${report}`).toBe(true)
  })
})
