import * as v from 'valibot'
import { packageInNodeModules } from '../package-of-path.ts'

const CpuProfileSchema = v.object({
  nodes: v.array(
    v.object({
      id: v.number(),
      callFrame: v.object({
        functionName: v.string(),
        url: v.string(),
        lineNumber: v.number(),
      }),
    }),
  ),
  samples: v.array(v.number()),
  timeDeltas: v.array(v.number()),
})

/** Self time of a CPU profile, grouped for a reader who wants to know what dominates. */
export interface ProfileSummary {
  /** Sampled milliseconds, idle excluded. */
  readonly activeMs: number
  /** Self milliseconds per category (ky, valibot, core source file, undici, node, gc...), largest first. */
  readonly byCategory: ReadonlyArray<readonly [string, number]>
  /** Self milliseconds per function (`name file:line`), largest first. */
  readonly byFunction: ReadonlyArray<readonly [string, number]>
}

/**
 * Names what a frame belongs to: a package, a file of ours, undici, Node internals or a
 * V8 pseudo-frame such as `(garbage collector)`.
 *
 * @param functionName - the frame's function name
 * @param url - the frame's script URL
 * @returns a short category label
 */
export function categoryOf(functionName: string, url: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)'
  if (url.includes('undici')) return 'undici (fetch)'
  if (url.startsWith('node:')) return 'node internals'
  const ours = /packages\/([^/]+)\/(?:dist|src)\/(.+)$/.exec(url)
  if (ours) return `@authing-edge/${ours[1]} ${ours[2]}`
  return packageInNodeModules(url) ?? url.replace(/^file:\/\/.*\/bench\//, 'bench/')
}

const top = (totals: Map<string, number>, limit: number) =>
  [...totals].sort((a, b) => b[1] - a[1]).slice(0, limit)

/**
 * Adds up the self time of a V8 `.cpuprofile` by category and by function.
 *
 * @param profile - the parsed profile JSON
 * @param limit - rows kept per table
 * @default limit 25
 * @returns the summary
 */
export function summarizeCpuProfile(profile: unknown, limit = 25): ProfileSummary {
  const { nodes, samples, timeDeltas } = v.parse(CpuProfileSchema, profile)
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const categories = new Map<string, number>()
  const functions = new Map<string, number>()
  let activeMs = 0
  samples.forEach((id, i) => {
    const node = byId.get(id)
    if (node === undefined || node.callFrame.functionName === '(idle)') return
    const ms = (timeDeltas[i] ?? 0) / 1000
    activeMs += ms
    const { functionName, url, lineNumber } = node.callFrame
    const category = categoryOf(functionName, url)
    categories.set(category, (categories.get(category) ?? 0) + ms)
    const label = `${functionName || '(anonymous)'} ${category}:${lineNumber + 1}`
    functions.set(label, (functions.get(label) ?? 0) + ms)
  })
  return { activeMs, byCategory: top(categories, limit), byFunction: top(functions, limit) }
}
