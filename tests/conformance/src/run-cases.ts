import { show } from './assert.ts'
import type { ConformanceCase, SuiteContext } from './case.ts'

/** The outcome of one case. */
export interface CaseResult {
  /** The case's name. */
  readonly name: string
  /** Whether it passed. */
  readonly passed: boolean
  /** Why it failed; absent when it passed. */
  readonly error?: string
}

/**
 * How long one case may run before it counts as hung. A guard against a stuck runtime, not a
 * timing assertion: every case settles in well under a second when the library behaves.
 * @default 20000
 */
const CASE_GUARD_MS = 20_000

/**
 * Runs `run`, failing if it has not settled after {@link CASE_GUARD_MS}.
 *
 * @param run - the case body
 * @returns the case body's promise, or a rejection when the guard fires first
 */
async function withGuard(run: () => Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`case did not settle within ${CASE_GUARD_MS} ms`)),
      CASE_GUARD_MS,
    )
  })
  try {
    await Promise.race([run(), guard])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Runs one case under {@link CASE_GUARD_MS} and reports how it went.
 *
 * @param testCase - the case
 * @param ctx - the runtime and emulator
 * @returns its outcome, with the error's stack when it failed
 */
export async function runCase(testCase: ConformanceCase, ctx: SuiteContext): Promise<CaseResult> {
  try {
    await withGuard(() => testCase.run(ctx))
    return { name: testCase.name, passed: true }
  } catch (error) {
    const detail = error instanceof Error && error.stack ? error.stack : show(error)
    return { name: testCase.name, passed: false, error: detail }
  }
}

/**
 * Runs the cases one after another (they share one emulator) and reports each outcome.
 *
 * @param cases - the suite
 * @param ctx - the runtime and emulator
 * @param onResult - called after each case, e.g. to print a line
 * @returns every outcome, in order
 */
export async function runCases(
  cases: readonly ConformanceCase[],
  ctx: SuiteContext,
  onResult: (result: CaseResult, index: number) => void,
): Promise<CaseResult[]> {
  const results: CaseResult[] = []
  for (const [index, testCase] of cases.entries()) {
    const result = await runCase(testCase, ctx)
    results.push(result)
    onResult(result, index)
  }
  return results
}
