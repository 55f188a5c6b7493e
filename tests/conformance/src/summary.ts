// What a plain-script run prints (adapters/script.ts and adapters/workerd-bare.mjs alike), and
// what matrix/results.mjs reads back.

/**
 * Marks the last line a plain-script run prints, followed by its JSON summary
 * `{ runtime, engine, total, passed, failed }`. run-matrix.mjs looks for it.
 */
export const SUMMARY_PREFIX = '# conformance-summary '

/**
 * The TAP-like lines of one case: `ok N - name` or `not ok N - name`, then the error, if any,
 * one `#   ` line per line.
 *
 * @param result - the case's outcome
 * @param index - its position in the suite, from 0
 * @returns the lines to print
 */
export function caseLines(
  result: { readonly name: string; readonly passed: boolean; readonly error?: string | undefined },
  index: number,
): string[] {
  const lines = [`${result.passed ? 'ok' : 'not ok'} ${index + 1} - ${result.name}`]
  for (const line of result.error?.split('\n') ?? []) lines.push(`#   ${line}`)
  return lines
}

/**
 * The closing summary line, and the exit code that goes with it: non-zero when a case failed or
 * none ran.
 *
 * @param runtime - the leg's name, e.g. `deno`
 * @param engine - what the runtime says it is
 * @param passed - cases that passed
 * @param total - cases run
 * @returns the line to print last, and the process's exit code
 */
export function summarize(
  runtime: string,
  engine: string,
  passed: number,
  total: number,
): { readonly line: string; readonly exitCode: number } {
  const failed = total - passed
  const line = `${SUMMARY_PREFIX}${JSON.stringify({ runtime, engine, total, passed, failed })}`
  return { line, exitCode: failed === 0 && total > 0 ? 0 : 1 }
}
