import type { ConformanceCase } from '../case.ts'
import { browserGuardCases } from './browser-guard.ts'
import { cacheCases } from './cache.ts'
import { clientCallCases } from './client-call.ts'
import { errorCases } from './errors.ts'
import { legacyCases } from './legacy.ts'
import { runtimeIdentityCases } from './runtime-identity.ts'
import { timeoutAbortCases } from './timeout-abort.ts'

/** The whole suite, in the order every runtime runs it. */
export const conformanceCases: readonly ConformanceCase[] = [
  ...runtimeIdentityCases,
  ...browserGuardCases,
  ...clientCallCases,
  ...errorCases,
  ...timeoutAbortCases,
  ...cacheCases,
  ...legacyCases,
]
