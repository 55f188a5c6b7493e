import type { FaultCase } from '../fault-case.ts'
import { BODY_CASES } from './body-cases.ts'
import { STATUS_CASES } from './status-cases.ts'
import { TRANSPORT_CASES } from './transport-cases.ts'

/** Every row of the fault matrix, in report order. */
export const FAULT_CASES: readonly FaultCase[] = [
  ...STATUS_CASES,
  ...TRANSPORT_CASES,
  ...BODY_CASES,
]
