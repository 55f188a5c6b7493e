// @ts-check
// Reads what a runtime reported: the plain-script summary line, or vitest's JSON report. Both
// are checked field by field; anything malformed counts as a runtime that did not report.
import { readFile } from 'node:fs/promises'
import { SUMMARY_PREFIX } from '../src/summary.ts'

/**
 * @typedef {object} Counts
 * @property {number} total - cases the runtime ran
 * @property {number} passed - cases that passed
 * @property {number} failed - cases that failed
 * @property {number} skipped - cases skipped or left pending (must be 0)
 */

/**
 * @param {unknown} value
 * @returns {value is number}
 */
const isCount = (value) => typeof value === 'number' && Number.isInteger(value) && value >= 0

/**
 * Finds the summary line of a plain-script run.
 *
 * @param {string} stdout - everything the runtime printed
 * @returns {Counts | string} the counts, or why there are none
 */
export function parseScriptSummary(stdout) {
  const line = stdout
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith(SUMMARY_PREFIX))
  if (line === undefined) return 'it printed no summary line'
  /** @type {unknown} */
  let parsed
  try {
    parsed = JSON.parse(line.slice(SUMMARY_PREFIX.length))
  } catch {
    return 'its summary line is not JSON'
  }
  if (typeof parsed !== 'object' || parsed === null) return 'its summary is not an object'
  const { total, passed, failed } = /** @type {Record<string, unknown>} */ (parsed)
  if (!isCount(total) || !isCount(passed) || !isCount(failed) || passed + failed !== total) {
    return 'its summary counts are inconsistent'
  }
  return { total, passed, failed, skipped: 0 }
}

/**
 * Reads vitest's JSON report.
 *
 * @param {string} file - the `--outputFile.json` path
 * @returns {Promise<Counts | string>} the counts, or why there are none
 */
export async function readVitestReport(file) {
  /** @type {unknown} */
  let parsed
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (error) {
    return `it wrote no readable JSON report (${error instanceof Error ? error.message : error})`
  }
  if (typeof parsed !== 'object' || parsed === null) return 'its JSON report is not an object'
  const report = /** @type {Record<string, unknown>} */ (parsed)
  const { numTotalTests, numPassedTests, numFailedTests, numPendingTests, numTodoTests } = report
  const { numFailedTestSuites } = report
  if (
    !isCount(numTotalTests) ||
    !isCount(numPassedTests) ||
    !isCount(numFailedTests) ||
    !isCount(numPendingTests) ||
    !isCount(numTodoTests) ||
    !isCount(numFailedTestSuites)
  ) {
    return 'its JSON report lacks the test counts'
  }
  if (numFailedTestSuites > 0 && numFailedTests === 0) {
    return `${numFailedTestSuites} test file(s) failed to load or run`
  }
  return {
    total: numTotalTests,
    passed: numPassedTests,
    failed: numFailedTests,
    skipped: numPendingTests + numTodoTests,
  }
}
