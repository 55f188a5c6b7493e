import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { run } from '../../../../scripts/release/run.ts'
import { TSC } from '../tools.ts'
import { type CodeBlock, extractCodeBlocks, isCheckedTypeScript } from './code-blocks.ts'

/** A TypeScript example taken out of a Markdown document into its own module. */
export interface ExampleFile {
  /** The document, relative to the repository root, e.g. `packages/core/README.md`. */
  readonly document: string
  readonly block: CodeBlock
  /** The module's path relative to the examples folder. */
  readonly path: string
}

/** Module resolution modes a consumer may compile with; each has a tsconfig in the fixtures. */
export type ResolutionMode = 'bundler' | 'node16'

/**
 * Writes every checked TypeScript block of the given documents into its own module under
 * `outDir`, keeping line numbers: line N of a module is line `block.line + N - 1` of its document.
 *
 * @param documents - absolute paths of Markdown files
 * @param root - repository root, for readable names
 * @param outDir - a folder inside the consumer project (so imports resolve to the installed tarballs)
 * @returns the modules written, in document order
 */
export async function writeExamples(
  documents: readonly string[],
  root: string,
  outDir: string,
): Promise<ExampleFile[]> {
  const files: ExampleFile[] = []
  for (const document of documents) {
    const name = relative(root, document)
    const folder = name.replace(/[^\w.-]+/g, '_')
    for (const block of extractCodeBlocks(await readFile(document, 'utf8')).filter(
      isCheckedTypeScript,
    )) {
      const path = join(folder, `line-${block.line}.ts`)
      await mkdir(join(outDir, folder), { recursive: true })
      await writeFile(join(outDir, path), `${block.code}\n`)
      files.push({ document: name, block, path })
    }
  }
  return files
}

/**
 * Rewrites tsc's `file(line,col): error` lines so they point into the Markdown documents.
 *
 * @param output - tsc's output, run from the examples folder
 * @param files - the modules that were compiled
 * @returns the same output with example paths replaced by `document:line:col`
 */
export function mapDiagnostics(output: string, files: readonly ExampleFile[]): string {
  const byPath = new Map(files.map((file) => [file.path, file]))
  return output.replace(
    /^(.+?)\((\d+),(\d+)\)(?=: )/gm,
    (whole, path: string, line: string, col: string) => {
      const file = byPath.get(path)
      return file === undefined
        ? whole
        : `${file.document}:${file.block.line + Number(line) - 1}:${col}`
    },
  )
}

/**
 * Type-checks the examples in `outDir` with the consumer project's tsconfig for `mode`
 * (strict, `skipLibCheck: false`, so the published `.d.ts` files are checked too).
 *
 * @param outDir - the examples folder, inside the consumer project
 * @param consumerDir - the consumer project holding `tsconfig.<mode>.json`
 * @param mode - module resolution to compile with
 * @param files - the modules, to map diagnostics back to their documents
 * @returns whether tsc passed, and its diagnostics mapped to the documents
 */
export async function typeCheckExamples(
  outDir: string,
  consumerDir: string,
  mode: ResolutionMode,
  files: readonly ExampleFile[],
): Promise<{ ok: boolean; report: string }> {
  const config = join(outDir, `tsconfig.${mode}.json`)
  const base = relative(outDir, join(consumerDir, `tsconfig.${mode}.json`))
  await writeFile(config, JSON.stringify({ extends: base, include: ['**/*.ts'] }, null, 2))
  const result = await run(process.execPath, [TSC, '-p', config, '--pretty', 'false'], {
    cwd: outDir,
  })
  return {
    ok: result.code === 0,
    report: mapDiagnostics(`${result.stdout}${result.stderr}`, files),
  }
}
