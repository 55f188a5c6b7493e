/** A fenced code block of a Markdown document. */
export interface CodeBlock {
  /** First word of the info string, lower-cased: `ts`, `sh`, ... (empty when there is none). */
  readonly lang: string
  /** The other words of the info string, e.g. `nocheck` in ```` ```ts nocheck ````. */
  readonly flags: readonly string[]
  /** 1-based line number, in the document, of the block's first line of code. */
  readonly line: number
  /** The code, without the fences and the fence's indentation. */
  readonly code: string
}

const OPENING = /^( {0,3})(`{3,}|~{3,})(.*)$/

/**
 * Lists the fenced code blocks of a Markdown document (CommonMark fences: three or more
 * backticks or tildes, indented by at most three spaces; a block ends at a fence of the same
 * character at least as long, or at the end of the document).
 *
 * @param markdown - the document
 * @returns its fenced code blocks in order
 * @example
 * ```ts nocheck
 * extractCodeBlocks('# Title\n\n```ts\nconst a = 1\n```\n')
 * // [{ lang: 'ts', flags: [], line: 4, code: 'const a = 1' }]
 * ```
 */
export function extractCodeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/)
  const blocks: CodeBlock[] = []
  let index = 0
  while (index < lines.length) {
    const match = OPENING.exec(lines[index] ?? '')
    index++
    if (match === null) continue
    const [, indent = '', fence = '', info = ''] = match
    if (fence.startsWith('`') && info.includes('`')) continue // not a fence: an inline code span
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`)
    const start = index
    const body: string[] = []
    while (index < lines.length && !closing.test(lines[index] ?? '')) {
      const line = lines[index] ?? ''
      const strip = Math.min(indent.length, line.length - line.trimStart().length)
      body.push(line.slice(strip))
      index++
    }
    index++ // the closing fence
    const [lang = '', ...flags] = info
      .trim()
      .split(/\s+/)
      .filter((word) => word !== '')
    blocks.push({ lang: lang.toLowerCase(), flags, line: start + 1, code: body.join('\n') })
  }
  return blocks
}

/**
 * Whether a block is a TypeScript example the docs gate compiles: language `ts`, `typescript`
 * or `mts`, without the `nocheck` flag (for deliberate fragments, e.g. a "before" snippet that
 * uses another SDK).
 *
 * @param block - a code block
 * @returns whether to type-check it
 */
export function isCheckedTypeScript(block: CodeBlock): boolean {
  return ['ts', 'typescript', 'mts'].includes(block.lang) && !block.flags.includes('nocheck')
}
