import { describe, expect, test } from 'vitest'
import { parseArgs } from './options.ts'

describe('parseArgs', () => {
  test('runs the full benchmark by default', () => {
    const plan = parseArgs([])
    expect(plan.quick).toBe(false)
    expect(plan.overhead.rounds).toBeGreaterThan(parseArgs(['--quick']).overhead.rounds)
  })

  test('accepts --quick after the `--` pnpm passes through', () => {
    expect(parseArgs(['--', '--quick']).quick).toBe(true)
  })

  test('refuses anything else', () => {
    expect(() => parseArgs(['--fast'])).toThrow('unknown argument --fast')
  })
})
