// Captures what the Worker writes to the console during a test. Restore with
// `vi.restoreAllMocks()` in `afterEach`.
import { vi } from 'vitest'

/**
 * Replaces every console method with one that records its line instead of printing it.
 *
 * @returns the lines written, in order; the array fills as the Worker logs
 */
export function captureLogs(): string[] {
  const lines: string[] = []
  for (const level of ['debug', 'info', 'warn', 'error', 'log'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map(String).join(' '))
    })
  }
  return lines
}
