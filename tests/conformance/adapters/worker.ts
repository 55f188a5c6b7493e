// The Worker of the workerd-bare leg: the suite bundled by wrangler into a plain Worker with
// `no_nodejs_compat` (wrangler.bare.jsonc), one case per request, driven by workerd-bare.mjs.
//   GET /cases                       -> { engine, names }
//   GET /run?case=<i>&emulator=<url> -> { name, passed, error? }
import { createControlClient } from '@authing-edge/emulator'
import { conformanceCases } from '../src/cases/index.ts'
import { detectEngine } from '../src/engine.ts'
import { runCase } from '../src/run-cases.ts'

const runtime = { name: 'workerd-bare', browser: false }

async function runOne(index: number, emulatorUrl: string): Promise<Response> {
  const testCase = conformanceCases[index]
  if (testCase === undefined) return Response.json({ error: `no case ${index}` }, { status: 404 })
  const ctx = { runtime, emulatorUrl, emulator: createControlClient(emulatorUrl) }
  return Response.json(await runCase(testCase, ctx))
}

/** The Worker: lists the cases, or runs one against the emulator named in the query. */
export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/cases') {
      return Response.json({ engine: detectEngine(), names: conformanceCases.map((c) => c.name) })
    }
    const emulatorUrl = url.searchParams.get('emulator')
    if (url.pathname === '/run' && emulatorUrl !== null) {
      return runOne(Number(url.searchParams.get('case')), emulatorUrl)
    }
    return Response.json({ error: 'GET /cases or /run?case=<i>&emulator=<url>' }, { status: 404 })
  },
}
