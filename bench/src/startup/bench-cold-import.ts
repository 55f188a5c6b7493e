import { spawn } from 'node:child_process'
import * as v from 'valibot'
import { roundOrder } from '../stats/round-order.ts'
import { type Summary, summarize } from '../stats/summary.ts'

/** A module whose first import is timed in a fresh Node process. */
export interface ImportTarget {
  /** Label used in reports. */
  readonly name: string
  /** An absolute `file:` URL (or `data:` URL) to import. */
  readonly url: string
}

/** Cold-import timings of one target over fresh processes. */
export interface ColdImportResult {
  readonly name: string
  /** `await import(url)` alone, measured inside the child. */
  readonly importMs: Summary
  /** Spawn to exit, measured by the parent: what a CLI or a serverless cold start pays. */
  readonly processMs: Summary
}

const ChildReportSchema = v.object({ importMs: v.number() })

/** The child program: time one dynamic import and print it as JSON. */
const CHILD_SOURCE = [
  'const url = process.argv[1]',
  'const start = performance.now()',
  'await import(url)',
  'process.stdout.write(JSON.stringify({ importMs: performance.now() - start }))',
].join('\n')

/**
 * Spawns fresh Node processes (this same binary, no compile cache) that each import one target
 * once, in `roundOrder` so that machine noise hits them alike; the first `warmup` spawns per
 * target fill the OS file cache and are discarded.
 *
 * @param targets - modules to import
 * @param runs - kept spawns per target
 * @param warmup - discarded spawns per target
 * @default warmup 2
 * @returns the summaries, in the order of `targets`
 */
export async function benchColdImport(
  targets: readonly ImportTarget[],
  runs: number,
  warmup = 2,
): Promise<ColdImportResult[]> {
  const importMs = targets.map((): number[] => [])
  const processMs = targets.map((): number[] => [])
  for (let round = 0; round < warmup + runs; round++) {
    for (const index of roundOrder(targets.length, round)) {
      const target = targets[index]
      if (target === undefined) continue
      const sample = await importOnce(target.url)
      if (round < warmup) continue
      importMs[index]?.push(sample.importMs)
      processMs[index]?.push(sample.processMs)
    }
  }
  return targets.map((target, i) => ({
    name: target.name,
    importMs: summarize(importMs[i] ?? []),
    processMs: summarize(processMs[i] ?? []),
  }))
}

async function importOnce(url: string): Promise<{ importMs: number; processMs: number }> {
  const env = { ...process.env }
  delete env.NODE_COMPILE_CACHE
  delete env.NODE_OPTIONS
  const start = performance.now()
  const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD_SOURCE, url], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('close', resolve)
  })
  const processMs = performance.now() - start
  if (code !== 0) throw new Error(`importing ${url} failed (exit ${code}): ${stderr.trim()}`)
  const report = v.parse(ChildReportSchema, JSON.parse(stdout))
  return { importMs: report.importMs, processMs }
}
