// @ts-check
// The workerd-bare leg's host (runs on Node 24): starts adapters/worker.ts in workerd through
// wrangler's programmatic API with wrangler.bare.jsonc (no nodejs_compat), asks it for the
// cases, runs each in its own request, and prints the same lines as adapters/script.ts.
//
//   node adapters/workerd-bare.mjs --emulator http://127.0.0.1:PORT
import { unstable_startWorker } from 'wrangler'
import { caseLines, summarize } from '../src/summary.ts'

/**
 * @param {unknown} value
 * @param {string} what
 * @returns {Record<string, unknown>}
 */
function object(value, what) {
  if (typeof value !== 'object' || value === null) throw new Error(`${what} is not a JSON object`)
  return /** @type {Record<string, unknown>} */ (value)
}

const at = process.argv.indexOf('--emulator')
const emulatorUrl = process.argv[at + 1]
if (at === -1 || emulatorUrl === undefined) throw new Error('missing --emulator <url>')

const worker = await unstable_startWorker({
  config: 'wrangler.bare.jsonc',
  dev: { server: { hostname: '127.0.0.1', port: 0 }, inspector: false },
})
let passed = 0
let total = 0
let engine = 'unknown'
try {
  const listing = object(await (await worker.fetch('http://worker/cases')).json(), 'GET /cases')
  const names = listing.names
  if (!Array.isArray(names) || typeof listing.engine !== 'string') throw new Error('bad GET /cases')
  engine = listing.engine
  console.log(`# workerd-bare on ${engine}: ${names.length} cases`)
  for (let index = 0; index < names.length; index++) {
    const query = new URLSearchParams({ case: String(index), emulator: emulatorUrl })
    const response = await worker.fetch(`http://worker/run?${query}`)
    const result = object(await response.json(), `GET /run?case=${index}`)
    const outcome = {
      name: String(names[index]),
      passed: result.passed === true,
      error: typeof result.error === 'string' ? result.error : undefined,
    }
    total++
    if (outcome.passed) passed++
    for (const line of caseLines(outcome, index)) console.log(line)
  }
} finally {
  await worker.dispose()
}
const summary = summarize('workerd-bare', engine, passed, total)
console.log(summary.line)
process.exitCode = summary.exitCode
