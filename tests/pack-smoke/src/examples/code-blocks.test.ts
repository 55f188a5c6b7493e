import { describe, expect, test } from 'vitest'
import { extractCodeBlocks, isCheckedTypeScript } from './code-blocks.ts'

describe('extractCodeBlocks', () => {
  test('finds backtick and tilde fences with their language, flags and first code line', () => {
    const markdown = [
      '# Title', //                    1
      '', //                           2
      '```ts', //                      3
      "const a = 'x'", //              4
      '```', //                        5
      '', //                           6
      '~~~sh nocheck extra', //        7
      'pnpm build', //                 8
      '~~~', //                        9
    ].join('\n')
    expect(extractCodeBlocks(markdown)).toEqual([
      { lang: 'ts', flags: [], line: 4, code: "const a = 'x'" },
      { lang: 'sh', flags: ['nocheck', 'extra'], line: 8, code: 'pnpm build' },
    ])
  })

  test('keeps a shorter fence inside a longer one as code', () => {
    const markdown = ['````md', '```ts', 'x', '```', '````', 'after'].join('\n')
    expect(extractCodeBlocks(markdown)).toEqual([
      { lang: 'md', flags: [], line: 2, code: '```ts\nx\n```' },
    ])
  })

  test("removes the opening fence's indentation from the code, as CommonMark does", () => {
    const markdown = ['- item', '  ```TypeScript', '  if (a) {', '    b()', '  }', '  ```'].join(
      '\n',
    )
    expect(extractCodeBlocks(markdown)).toEqual([
      { lang: 'typescript', flags: [], line: 3, code: 'if (a) {\n  b()\n}' },
    ])
  })

  test('runs an unclosed block to the end of the document', () => {
    expect(extractCodeBlocks('```ts\nlet x = 1\n')).toEqual([
      { lang: 'ts', flags: [], line: 2, code: 'let x = 1\n' },
    ])
  })

  test('does not take an inline code span with backticks for a fence', () => {
    expect(extractCodeBlocks('```not a fence``` text\nplain')).toEqual([])
  })
})

describe('isCheckedTypeScript', () => {
  test('checks ts, typescript and mts blocks unless they are flagged nocheck', () => {
    const block = { line: 1, code: '' }
    expect(isCheckedTypeScript({ ...block, lang: 'ts', flags: [] })).toBe(true)
    expect(isCheckedTypeScript({ ...block, lang: 'typescript', flags: [] })).toBe(true)
    expect(isCheckedTypeScript({ ...block, lang: 'mts', flags: [] })).toBe(true)
    expect(isCheckedTypeScript({ ...block, lang: 'ts', flags: ['nocheck'] })).toBe(false)
    expect(isCheckedTypeScript({ ...block, lang: 'js', flags: [] })).toBe(false)
    expect(isCheckedTypeScript({ ...block, lang: '', flags: [] })).toBe(false)
  })
})
