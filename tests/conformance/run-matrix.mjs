// @ts-check
// The conformance matrix: runs the one suite on every runtime against a fresh emulator each,
// prints `conformance <runtime>: N passed, N failed` per runtime and `N passed, N failed` last.
// Exits non-zero when a case failed, a runtime could not start, or a runtime ran no cases.
//
//   node run-matrix.mjs              # every runtime
//   node run-matrix.mjs deno bun     # only these (see README.md)
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { killEmulators, startEmulator } from './matrix/emulator.mjs'
import { selectLegs } from './matrix/legs.mjs'
import { checkBuilt, checkNode24 } from './matrix/preflight.mjs'
import { parseScriptSummary, readVitestReport } from './matrix/results.mjs'
import { runProcess, stopAll } from './matrix/spawn-leg.mjs'

const PACKAGE_DIR = dirname(fileURLToPath(import.meta.url))
const VITEST_BIN = join(PACKAGE_DIR, 'node_modules', 'vitest', 'vitest.mjs')
/** Deadlines per runtime: guards against a hung runtime, generous for a loaded 2-core machine. */
const SCRIPT_DEADLINE_MS = 120_000
const VITEST_DEADLINE_MS = 240_000
/** Keeps wrangler and workerd offline and quiet unless the caller says otherwise. */
const CHILD_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_LOG: 'warn',
  ...process.env,
}

/**
 * @typedef {object} Outcome
 * @property {string} name - the runtime
 * @property {number} passed - cases passed
 * @property {number} failed - cases failed, plus one per problem below
 * @property {number | undefined} total - cases the runtime ran, when it reported
 * @property {string[]} problems - why the runtime as a whole failed, beyond failing cases
 */

/**
 * Runs one leg against its own emulator, so no runtime sees another's faults or counts.
 *
 * @param {import('./matrix/legs.mjs').Leg} leg
 * @param {string} scratch - a directory for reports
 * @returns {Promise<Outcome>}
 */
async function runLeg(leg, scratch) {
  const missing = (leg.kind === 'script' ? [leg.binEnv] : leg.requiredEnv).filter(
    (name) => name !== undefined && !process.env[name],
  )
  if (missing.length > 0) {
    const names = missing.join(', ')
    return couldNotStart(leg.name, `${names} is not set (source scripts/runtimes.sh first)`)
  }
  /** @type {import('./matrix/emulator.mjs').RunningEmulator} */
  let emulator
  try {
    emulator = await startEmulator(PACKAGE_DIR)
  } catch (error) {
    return couldNotStart(leg.name, error instanceof Error ? error.message : String(error))
  }
  try {
    console.log(`\n=== conformance ${leg.name} (emulator ${emulator.url})`)
    return leg.kind === 'script'
      ? await runScriptLeg(leg, emulator)
      : await runVitestLeg(leg, emulator, scratch)
  } finally {
    const warning = await emulator.close()
    if (warning !== undefined) console.log(`conformance ${leg.name}: warning: ${warning}`)
  }
}

/**
 * @param {import('./matrix/legs.mjs').ScriptLeg} leg
 * @param {{ url: string, port: number }} emulator
 * @returns {Promise<Outcome>}
 */
async function runScriptLeg(leg, emulator) {
  const command = leg.binEnv === undefined ? process.execPath : String(process.env[leg.binEnv])
  const args = [...leg.flags(emulator.port), leg.script]
  args.push('--runtime', leg.name, '--emulator', emulator.url)
  const run = await runProcess({
    label: leg.name,
    command,
    args,
    cwd: PACKAGE_DIR,
    env: CHILD_ENV,
    timeoutMs: SCRIPT_DEADLINE_MS,
  })
  return judge(leg.name, run, parseScriptSummary(run.stdout))
}

/**
 * @param {import('./matrix/legs.mjs').VitestLeg} leg
 * @param {{ url: string }} emulator
 * @param {string} scratch
 * @returns {Promise<Outcome>}
 */
async function runVitestLeg(leg, emulator, scratch) {
  const report = join(scratch, `${leg.name}.json`)
  const run = await runProcess({
    label: leg.name,
    command: process.execPath,
    args: [
      VITEST_BIN,
      'run',
      '--config',
      leg.config,
      '--reporter=tap-flat',
      '--reporter=json',
    ].concat(`--outputFile.json=${report}`),
    cwd: PACKAGE_DIR,
    env: { NO_COLOR: '1', ...CHILD_ENV, CONFORMANCE_EMULATOR_URL: emulator.url },
    timeoutMs: VITEST_DEADLINE_MS,
  })
  return judge(leg.name, run, await readVitestReport(report))
}

/**
 * Turns a finished process and its reported counts into an outcome.
 *
 * @param {string} name
 * @param {import('./matrix/spawn-leg.mjs').ProcessResult} run
 * @param {import('./matrix/results.mjs').Counts | string} counts
 * @returns {Outcome}
 */
function judge(name, run, counts) {
  if (run.spawnError !== undefined) return couldNotStart(name, run.spawnError)
  const ended = run.timedOut
    ? `it was stopped after its deadline`
    : `it exited with ${run.signal ?? `code ${run.code}`}`
  if (typeof counts === 'string') return couldNotStart(name, `${counts}; ${ended}`)
  if (counts.total === 0) return couldNotStart(name, `it ran zero cases; ${ended}`)
  /** @type {string[]} */
  const problems = []
  if (counts.skipped > 0) problems.push(`it skipped ${counts.skipped} case(s)`)
  if (run.timedOut) problems.push(ended)
  else if (run.code !== 0 && counts.failed === 0) problems.push(`all cases passed but ${ended}`)
  else if (run.code === 0 && counts.failed > 0) problems.push(`cases failed but ${ended}`)
  const failed = counts.failed + problems.length
  return { name, passed: counts.passed, failed, total: counts.total, problems }
}

/**
 * @param {string} name
 * @param {string} reason
 * @returns {Outcome}
 */
function couldNotStart(name, reason) {
  return { name, passed: 0, failed: 1, total: undefined, problems: [`could not start: ${reason}`] }
}

/**
 * Every runtime runs the same list, so every runtime that reported must report the same total.
 *
 * @param {Outcome[]} outcomes
 */
function checkSameTotals(outcomes) {
  const totals = outcomes.flatMap((outcome) => (outcome.total === undefined ? [] : [outcome.total]))
  const most = Math.max(...totals)
  for (const outcome of outcomes) {
    if (outcome.total !== undefined && outcome.total !== most) {
      outcome.problems.push(`it ran ${outcome.total} cases where another runtime ran ${most}`)
      outcome.failed += 1
    }
  }
}

async function main() {
  const legs = selectLegs(process.argv.slice(2))
  const preflight = [...checkNode24(), ...(await checkBuilt(PACKAGE_DIR))]
  if (preflight.length > 0) {
    for (const problem of preflight) console.error(`conformance: cannot run: ${problem}`)
    console.log(`0 passed, ${legs.length} failed`)
    return 1
  }
  const scratch = await mkdtemp(join(tmpdir(), 'authing-edge-conformance-'))
  /** @type {Outcome[]} */
  const outcomes = []
  try {
    for (const leg of legs) outcomes.push(await runLeg(leg, scratch))
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
  checkSameTotals(outcomes)
  console.log('')
  for (const outcome of outcomes) {
    console.log(`conformance ${outcome.name}: ${outcome.passed} passed, ${outcome.failed} failed`)
    for (const problem of outcome.problems) console.log(`conformance ${outcome.name}: ${problem}`)
  }
  const passed = outcomes.reduce((sum, outcome) => sum + outcome.passed, 0)
  const failed = outcomes.reduce((sum, outcome) => sum + outcome.failed, 0)
  console.log(`${passed} passed, ${failed} failed`)
  return failed === 0 && passed > 0 ? 0 : 1
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    stopAll('SIGKILL')
    killEmulators()
    process.exit(signal === 'SIGINT' ? 130 : 143)
  })
}

const exitCode = await main()
process.exitCode = exitCode
// Everything is closed by now; if something still holds the event loop, name it and leave
// rather than hang CI.
setTimeout(() => {
  console.error(`conformance: still running after the summary: ${process.getActiveResourcesInfo()}`)
  process.exit(exitCode)
}, 5000).unref()
