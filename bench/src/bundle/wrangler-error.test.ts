import { describe, expect, test } from 'vitest'
import { summarizeWranglerError } from './wrangler-error.ts'

describe('summarizeWranglerError', () => {
  test('keeps the error lines without colours', () => {
    const stderr =
      '\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mBuild failed with 1 error:\u001b[0m\n\n' +
      '  \u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mNo matching export in "core/dist/index.js" for import "X"\u001b[0m\n' +
      '      entries/cache-worker.ts:3:31:\n\n🪵  Logs were written to "/root/.config/.wrangler/logs/x.log"\n'
    expect(summarizeWranglerError(stderr)).toBe(
      'Build failed with 1 error: No matching export in "core/dist/index.js" for import "X"',
    )
  })

  test('falls back to the last lines when no error is tagged', () => {
    expect(summarizeWranglerError('a\nworkerd crashed\n\n🪵  Logs were written to "x"\n')).toBe(
      'a workerd crashed',
    )
  })
})
