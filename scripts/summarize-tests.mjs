// Reads a test log and prints one closing line, `N passed, N failed`, summed over every vitest
// run ("Tests  M failed | N passed (T)") and every conformance runtime ("conformance X: N passed,
// M failed"). Exits 1 when the log holds no test result at all, so an empty run never looks green.
import { readFileSync } from 'node:fs'

const ansiColour = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g')
const log = readFileSync(process.argv[2] ?? 0, 'utf8').replace(ansiColour, '')
let passed = 0
let failed = 0
let runs = 0
for (const line of log.split('\n')) {
  const vitest = /\bTests\s+(?:(\d+) failed\s*\|\s*)?(?:(\d+) passed)?.*\((\d+)\)\s*$/.exec(line)
  if (vitest && /\bTests\s{2,}/.test(line)) {
    failed += Number(vitest[1] ?? 0)
    passed += Number(vitest[2] ?? 0)
    runs++
    continue
  }
  const runtime = /conformance [\w-]+: (\d+) passed, (\d+) failed/.exec(line)
  if (runtime) {
    passed += Number(runtime[1])
    failed += Number(runtime[2])
    runs++
  }
}
console.log(`test runs: ${runs}`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(runs === 0 ? 1 : 0)
