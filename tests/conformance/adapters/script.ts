// The plain-script adapter: runs the suite on Node (22 and 24), Deno and Bun.
//
//   node adapters/script.ts --runtime node24 --emulator http://127.0.0.1:PORT
//   deno run --allow-net=127.0.0.1:PORT adapters/script.ts --runtime deno --emulator ...
//   bun adapters/script.ts --runtime bun --emulator ...
//
// Prints one TAP-like line per case and, last, a `# conformance-summary {json}` line that
// run-matrix.mjs reads. Exits non-zero when a case failed.
import { createControlClient } from '@authing-edge/emulator'
import { conformanceCases } from '../src/cases/index.ts'
import { detectEngine } from '../src/engine.ts'
import { runCases } from '../src/run-cases.ts'
import { caseLines, summarize } from '../src/summary.ts'

interface ScriptGlobals {
  readonly Deno?: { readonly args: readonly string[]; exitCode: number }
  readonly process?: {
    readonly argv: readonly string[]
    exitCode?: number | string | null | undefined
  }
}

// Runtime globals, not wire data: which of them exist is exactly what differs between runtimes.
const host = globalThis as ScriptGlobals

function readArgs(): readonly string[] {
  if (host.Deno) return host.Deno.args
  if (host.process) return host.process.argv.slice(2)
  throw new Error('cannot read the command line: neither Deno.args nor process.argv exists')
}

function option(args: readonly string[], name: string): string {
  const at = args.indexOf(`--${name}`)
  const value = at === -1 ? undefined : args[at + 1]
  if (value === undefined || value.startsWith('--')) throw new Error(`missing --${name} <value>`)
  return value
}

function setExitCode(code: number): void {
  if (host.Deno) host.Deno.exitCode = code
  else if (host.process) host.process.exitCode = code
}

const args = readArgs()
const runtime = { name: option(args, 'runtime'), browser: false }
const emulatorUrl = option(args, 'emulator')
const ctx = { runtime, emulatorUrl, emulator: createControlClient(emulatorUrl) }

console.log(`# ${runtime.name} on ${detectEngine()}: ${conformanceCases.length} cases`)
const results = await runCases(conformanceCases, ctx, (result, index) => {
  for (const line of caseLines(result, index)) console.log(line)
})
const passed = results.filter((result) => result.passed).length
const summary = summarize(runtime.name, detectEngine(), passed, results.length)
console.log(summary.line)
setExitCode(summary.exitCode)
