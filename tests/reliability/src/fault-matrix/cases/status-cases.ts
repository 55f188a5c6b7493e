import { always, type FaultCase, times, viaEmulator } from '../fault-case.ts'

/** Absurd enough that honouring it would outlive the test run by centuries. */
const ABSURD_RETRY_AFTER = '99999999999999999999'

/** 5xx answers, throttling and redirects. */
export const STATUS_CASES: readonly FaultCase[] = [
  {
    id: 'baseline',
    fault: 'none (baseline)',
    via: 'none',
    expected: { outcome: 'success', attempts: 1 },
    arrange: viaEmulator([]),
  },
  ...(
    [
      [500, 'html'],
      [502, 'html'],
      [503, 'text'],
      [504, 'empty'],
    ] as const
  ).map(([status, body]): FaultCase => {
    return {
      id: `http-${status}`,
      fault: `HTTP ${status} on every attempt (${body === 'html' ? 'HTML error page' : `${body} body`})`,
      via: 'emulator',
      expected: { outcome: 'error', error: 'HttpError', attempts: 3, details: { status } },
      arrange: viaEmulator(always({ kind: 'http-error', status, body })),
    }
  }),
  {
    id: 'http-503-twice-then-ok',
    fault: 'HTTP 503 twice, then a normal answer',
    via: 'emulator',
    expected: { outcome: 'success', attempts: 3 },
    arrange: viaEmulator(times(2, { kind: 'http-error', status: 503 })),
  },
  {
    id: 'http-500-json-envelope',
    fault: 'HTTP 500 with a JSON business envelope',
    via: 'emulator',
    expected: {
      outcome: 'error',
      error: 'AuthingApiError',
      attempts: 3,
      details: { statusCode: 500, httpStatus: 500 },
    },
    arrange: viaEmulator(always({ kind: 'http-error', status: 500, body: 'json' })),
  },
  {
    id: 'http-200-business-error',
    fault: 'HTTP 200 with a business error (statusCode 500, apiCode 1000)',
    via: 'emulator',
    expected: {
      outcome: 'error',
      error: 'AuthingApiError',
      attempts: 1,
      details: { statusCode: 500, apiCode: 1000, httpStatus: 200 },
    },
    arrange: viaEmulator(always({ kind: 'business-error' })),
  },
  {
    id: '429-no-retry-after',
    fault: '429 without Retry-After, every attempt',
    via: 'emulator',
    expected: {
      outcome: 'error',
      error: 'AuthingApiError',
      attempts: 3,
      details: { statusCode: 429, httpStatus: 429 },
    },
    arrange: viaEmulator(always({ kind: 'rate-limit', retryAfter: false })),
  },
  {
    id: '429-retry-after-seconds-once',
    fault: '429 with Retry-After: 1 (seconds), once',
    via: 'emulator',
    expected: { outcome: 'success', attempts: 2 },
    arrange: viaEmulator(times(1, { kind: 'rate-limit', retryAfter: 1 })),
  },
  {
    id: '429-retry-after-http-date-once',
    fault: '429 with Retry-After as an HTTP date 1 s ahead, once',
    via: 'emulator',
    expected: { outcome: 'success', attempts: 2 },
    arrange: viaEmulator(
      times(1, { kind: 'rate-limit', retryAfter: 1, retryAfterFormat: 'http-date' }),
    ),
  },
  {
    id: '429-retry-after-absurd-once',
    fault: `429 with Retry-After: ${ABSURD_RETRY_AFTER} (capped), once`,
    via: 'emulator',
    expected: { outcome: 'success', attempts: 2 },
    arrange: viaEmulator(times(1, { kind: 'rate-limit', retryAfter: ABSURD_RETRY_AFTER })),
  },
  {
    id: '429-retry-after-absurd-always',
    fault: `429 with Retry-After: ${ABSURD_RETRY_AFTER} (capped), every attempt`,
    via: 'emulator',
    expected: {
      outcome: 'error',
      error: 'AuthingApiError',
      attempts: 3,
      details: { statusCode: 429, httpStatus: 429 },
    },
    arrange: viaEmulator(always({ kind: 'rate-limit', retryAfter: ABSURD_RETRY_AFTER })),
  },
  ...([302, 307] as const).map(
    (status): FaultCase => ({
      id: `redirect-${status}-cross-host`,
      fault: `HTTP ${status} redirect to another host (a trap on another port)`,
      via: 'emulator',
      expected: { outcome: 'error', error: 'HttpError', attempts: 1, details: { status } },
      // The trap must see nothing: following would hand it the appSecret (a 307 re-POSTs it).
      extraBounds: { trapRequests: { equals: 0 } },
      arrange: async (env) =>
        viaEmulator(
          always({
            kind: 'redirect',
            status,
            location: `${env.trap.url}/api/v3/get-wechat-access-token-info`,
          }),
          () => ({ trapRequests: env.trap.requests }),
        )(env),
    }),
  ),
]
