// The fault matrix, run in a child Node process of its own (node src/fault-matrix/run-matrix.ts)
// so that the parent can see what a real application would: an unhandled rejection, a timer
// left behind, a process that does not exit on its own. It prints one JSON line and then
// returns without calling process.exit: the parent times how long the process takes to end.
import { DEMO_APP } from '@authing-edge/emulator'
import { FAULT_CASES } from './cases/index.ts'
import { startMatrixEnvironment } from './environment.ts'
import { type CaseObservation, runCase } from './run-case.ts'

const unhandledRejections: string[] = []
process.on('unhandledRejection', (reason) => {
  unhandledRejections.push(
    reason instanceof Error ? `${reason.name}: ${reason.message}` : 'non-error',
  )
})

const env = await startMatrixEnvironment({
  authingAppId: DEMO_APP.appId,
  wechatAppId: DEMO_APP.wechatAppId,
  wechatAppSecret: DEMO_APP.wechatAppSecret,
})
const observations: CaseObservation[] = []
try {
  for (const faultCase of FAULT_CASES) {
    observations.push((await runCase(faultCase, env)).observation)
  }
} finally {
  await env.close()
}
// Let close callbacks and rejections that are about to surface run before looking.
await new Promise((resolve) => setImmediate(resolve))
await new Promise((resolve) => setImmediate(resolve))

process.stdout.write(
  `${JSON.stringify({
    observations,
    unhandledRejections,
    // This process's own stdout and stderr pipes stay open to the end, and are not leftovers.
    activeResources: process
      .getActiveResourcesInfo()
      .filter((r) => r !== 'PipeWrap' && r !== 'TTYWrap'),
  })}\n`,
)
