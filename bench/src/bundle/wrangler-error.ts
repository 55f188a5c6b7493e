// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC.
const ANSI = /\u001b\[[0-9;]*m/g

/**
 * Boils wrangler's stderr down to its error lines, without colours or the log-file hint.
 *
 * @param stderr - what wrangler printed
 * @returns e.g. `Build failed with 1 error: No matching export in "x.js" for import "Y"`
 */
export function summarizeWranglerError(stderr: string): string {
  const lines = stderr.replace(ANSI, '').split('\n')
  const errors = lines
    .filter((line) => line.includes('[ERROR]'))
    .map((line) => line.replace(/^.*\[ERROR\]\s*/, '').trim())
    .filter((line) => line.length > 0)
  if (errors.length > 0) return errors.join(' ')
  const meaningful = lines.map((l) => l.trim()).filter((l) => l.length > 0 && !l.startsWith('🪵'))
  return meaningful.slice(-3).join(' ') || 'wrangler failed without a message'
}
