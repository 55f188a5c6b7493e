// Run under `node --cpu-prof`: makes many sequential calls with one contender against the
// loopback server, so that the profile shows where a call's CPU time goes.
import { BENCH_ACCESS_TOKEN, startFixedEnvelopeServer } from '../loopback/fixed-envelope-server.ts'
import { authingEdgeContender } from '../overhead/authing-edge-contender.ts'
import {
  bareFetchContender,
  officialSdkContender,
  timedFetchContender,
} from '../overhead/baseline-contenders.ts'
import { verifyContender } from '../overhead/verify-contender.ts'

const [which = 'core', countText = '20000'] = process.argv.slice(2)
const makers = {
  core: authingEdgeContender,
  fetch: bareFetchContender,
  timed: timedFetchContender,
  sdk: officialSdkContender,
}
const make = makers[which as keyof typeof makers]
if (make === undefined) throw new Error(`unknown contender ${which}: use core, fetch, timed or sdk`)
const server = await startFixedEnvelopeServer()
const contender = make(server.url)
await verifyContender(contender, server, BENCH_ACCESS_TOKEN)
const start = performance.now()
const count = Number(countText)
for (let i = 0; i < count; i++) await contender.call()
const perCallUs = ((performance.now() - start) * 1000) / count
process.stdout.write(`${contender.name}: ${count} calls, ${perCallUs.toFixed(1)} µs/call\n`)
await server.close()
