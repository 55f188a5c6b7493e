import { describe, expect, test } from 'vitest'
import { categoryOf, summarizeCpuProfile } from './summarize-cpu-profile.ts'

describe('categoryOf', () => {
  test.each([
    ['f', 'file:///w/node_modules/.pnpm/ky@2.1.0/node_modules/ky/distribution/core/Ky.js', 'ky'],
    ['f', 'file:///w/node_modules/.pnpm/x/node_modules/@scope/pkg/index.js', '@scope/pkg'],
    ['f', 'file:///work/main/packages/core/dist/index.js', '@authing-edge/core index.js'],
    ['f', 'node:internal/deps/undici/undici', 'undici (fetch)'],
    ['f', 'node:internal/streams/readable', 'node internals'],
    ['(garbage collector)', '', '(garbage collector)'],
  ])('files %s in %s under %s', (name, url, expected) => {
    expect(categoryOf(name, url)).toBe(expected)
  })
})

describe('summarizeCpuProfile', () => {
  test('adds self time per category and function, leaving idle out', () => {
    const frame = (functionName: string, url: string, lineNumber = 0) => ({
      functionName,
      url,
      lineNumber,
    })
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(idle)', '') },
        { id: 2, callFrame: frame('parse', 'file:///n/node_modules/valibot/dist/index.js', 9) },
        { id: 3, callFrame: frame('(garbage collector)', '') },
      ],
      samples: [1, 2, 2, 3],
      timeDeltas: [5000, 1000, 2000, 500],
    }
    const summary = summarizeCpuProfile(profile)
    expect(summary.activeMs).toBe(3.5)
    expect(summary.byCategory).toEqual([
      ['valibot', 3],
      ['(garbage collector)', 0.5],
    ])
    expect(summary.byFunction[0]).toEqual(['parse valibot:10', 3])
  })
})
