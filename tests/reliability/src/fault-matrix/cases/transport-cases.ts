import { always, type FaultCase, timedOut, times, viaEmulator, viaRaw } from '../fault-case.ts'
import { MATRIX_TIMING } from '../timing.ts'

/** Connections that break, stall or never open. */
export const TRANSPORT_CASES: readonly FaultCase[] = [
  {
    id: 'reset-before-headers',
    fault: 'connection reset before the headers, every attempt',
    via: 'emulator',
    expected: { outcome: 'error', error: 'NetworkError', attempts: 3 },
    arrange: viaEmulator(always({ kind: 'reset' })),
  },
  {
    id: 'reset-before-headers-once',
    fault: 'connection reset before the headers, once',
    via: 'emulator',
    expected: { outcome: 'success', attempts: 2 },
    arrange: viaEmulator(times(1, { kind: 'reset' })),
  },
  {
    id: 'reset-after-headers',
    fault: 'connection reset after the headers, mid-body (TCP RST)',
    via: 'raw socket',
    expected: { outcome: 'error', error: 'NetworkError', attempts: 3 },
    arrange: viaRaw({ kind: 'reset-after-headers' }),
  },
  {
    id: 'closed-short-of-content-length',
    fault: 'connection closed short of Content-Length',
    via: 'emulator',
    expected: { outcome: 'error', error: 'NetworkError', attempts: 3 },
    arrange: viaEmulator(always({ kind: 'truncated', abort: true })),
  },
  {
    id: 'hang-before-headers',
    fault: 'hang before the headers',
    via: 'emulator',
    expected: timedOut(1),
    arrange: viaEmulator(always({ kind: 'hang' })),
  },
  {
    id: 'hang-before-headers-retry-on-timeout',
    fault: 'hang before the headers, retryOnTimeout: true',
    via: 'emulator',
    expected: timedOut(3),
    arrange: async (env) => ({
      ...(await viaEmulator(always({ kind: 'hang' }))(env)),
      timing: { ...MATRIX_TIMING, retry: { ...MATRIX_TIMING.retry, retryOnTimeout: true } },
    }),
  },
  {
    id: 'hang-mid-body',
    fault: 'hang in the middle of the body',
    via: 'raw socket',
    expected: timedOut(1),
    arrange: viaRaw({ kind: 'hang-mid-body' }),
  },
  {
    id: 'connection-refused',
    fault: 'connection refused (nothing listening)',
    via: 'nothing listening',
    expected: { outcome: 'error', error: 'NetworkError', attempts: 3 },
    arrange: async (env) => ({ appHost: env.deadUrl }),
  },
]
