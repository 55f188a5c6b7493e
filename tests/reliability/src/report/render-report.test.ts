import { describe, expect, test } from 'vitest'
import { renderReport } from './render-report.ts'

const generatedAt = new Date('2026-11-22T12:00:00Z')

describe('renderReport', () => {
  test('renders one table row per fault, marking the rows that did not behave', () => {
    const markdown = renderReport({
      generatedAt,
      matrix: {
        rows: [
          {
            id: 'a',
            fault: 'HTTP 503 | twice',
            via: 'emulator',
            expected: 'success after 3 attempts',
            observed: 'success',
            attempts: 3,
            elapsedMs: 210,
            boundMs: 5200,
            extras: {},
            pass: true,
          },
          {
            id: 'b',
            fault: 'hang',
            via: 'emulator',
            expected: 'TimeoutError after 1 attempt',
            observed: 'NetworkError',
            attempts: 3,
            elapsedMs: 300,
            boundMs: 5200,
            extras: { trapRequests: 0 },
            pass: false,
          },
        ],
        unhandledRejections: 0,
        leftoverResources: [],
        exitLagMs: 40,
        totalMs: 9000,
      },
      soak: undefined,
      workerChecks: undefined,
    })
    const flat = markdown.replace(/ {2,}/g, ' ')
    expect(flat).toContain(
      '| HTTP 503 \\| twice | emulator | success after 3 attempts | success | 3 | 210 | 5200 |',
    )
    expect(flat).toContain('| **FAIL** NetworkError (trapRequests 0) | 3 | 300 | 5200 |')
    const tableLines = markdown.split('\n').filter((line) => line.startsWith('| '))
    expect(new Set(tableLines.map((line) => line.length)).size).toBe(1)
    expect(markdown).toContain('1 of 2 cases as expected')
    expect(markdown).toContain('_The soak did not run._')
    expect(markdown).toContain('2026-11-22T12:00:00.000Z')
  })
})
