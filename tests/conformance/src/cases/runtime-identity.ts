import { equal, ok } from '../assert.ts'
import type { ConformanceCase } from '../case.ts'
import { detectEngine, expectedEngine } from '../engine.ts'

/**
 * Runtimes without Node compatibility: a browser, and workerd without nodejs_compat (which
 * still has a minimal `process`, but no `process.versions.node` and no `node:*` modules).
 */
const WITHOUT_NODE_COMPAT = new Set(['chromium', 'workerd-bare'])

/** The leg really runs where it says: a misconfigured leg must not pass by running in Node. */
export const runtimeIdentityCases: readonly ConformanceCase[] = [
  {
    name: 'the suite runs on the runtime the matrix declared',
    async run({ runtime }) {
      const engine = detectEngine()
      ok(
        expectedEngine(runtime.name).test(engine),
        `${runtime.name} to run on its engine, not ${engine}`,
      )
      const hasDocument = typeof Reflect.get(globalThis, 'document') !== 'undefined'
      equal(hasDocument, runtime.browser, 'a DOM document exists exactly in the browser')
      // Where the library must work without Node compatibility, prove it is really off.
      if (WITHOUT_NODE_COMPAT.has(runtime.name)) {
        const process: { versions?: { node?: unknown } } | undefined = Reflect.get(
          globalThis,
          'process',
        )
        equal(process?.versions?.node, undefined, `process.versions.node on ${runtime.name}`)
      }
    },
  },
]
