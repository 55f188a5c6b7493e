import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, test } from 'vitest'

const DIST = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

/** Every file the built `.` entry loads, following relative imports. */
function moduleGraph(entry: string): { files: string[]; bare: Set<string> } {
  if (!existsSync(join(DIST, entry))) {
    throw new Error(
      `dist/${entry} is missing: run "pnpm --filter @authing-edge/emulator build" first`,
    )
  }
  const files: string[] = []
  const bare = new Set<string>()
  const queue = [entry]
  while (queue.length > 0) {
    const file = queue.shift() ?? ''
    if (files.includes(file)) continue
    files.push(file)
    const source = readFileSync(join(DIST, file), 'utf8')
    for (const match of source.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*["']([^"']+)["']/g,
    )) {
      const specifier = match[1] ?? ''
      if (specifier.startsWith('./')) queue.push(specifier.slice(2))
      else bare.add(specifier)
    }
  }
  return { files, bare }
}

describe('the built "." entry is edge-safe', () => {
  test('imports nothing but valibot and @authing-edge/types: no Node built-ins', () => {
    const { files, bare } = moduleGraph('index.js')
    expect(files.length).toBeGreaterThan(1)
    expect([...bare].sort()).toEqual(['@authing-edge/types', 'valibot'])
  })

  test('never touches process or Buffer', () => {
    for (const file of moduleGraph('index.js').files) {
      const source = readFileSync(join(DIST, file), 'utf8')
      expect(source, file).not.toMatch(/\bprocess\s*\.|\bBuffer\b|\brequire\s*\(/)
    }
  })

  test('the ./node entry is where node:http lives', () => {
    const { bare } = moduleGraph('node.js')
    expect(bare).toContain('node:http')
  })
})
