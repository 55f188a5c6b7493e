// @ts-check
// The workerd-bare leg's host (runs on Node 24): starts adapters/worker.ts in workerd through
// wrangler's programmatic API with wrangler.bare.jsonc (no nodejs_compat), asks it for the
// cases, runs each in its own request, and prints the same lines as adapters/script.ts.
//
//   node adapters/workerd-bare.mjs --emulator http://127.0.0.1:PORT
import { unstable_startWorker } from 'wrangler'
import { SUMMARY_PREFIX } from '../src/summary.ts'

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
    total++
    if (result.passed === true) passed++
    console.log(
      `${result.passed === true ? 'ok' : 'not ok'} ${index + 1} - ${String(names[index])}`,
    )
    if (typeof result.error === 'string') {
      for (const line of result.error.split('\n')) console.log(`#   ${line}`)
    }
  }
} finally {
  await worker.dispose()
}
const summary = { runtime: 'workerd-bare', engine, total, passed, failed: total - passed }
console.log(`${SUMMARY_PREFIX}${JSON.stringify(summary)}`)
process.exitCode = summary.failed === 0 && total > 0 ? 0 : 1
