import { describeDetails } from '../fault-matrix/fault-case.ts'
import { MATRIX_MAX_RESPONSE_BYTES, MATRIX_TIMING, SLACK_MS } from '../fault-matrix/timing.ts'
import type { Fragment } from '../support/results.ts'
import { WORKER_HEAP_GROWTH_BOUND_MIB, WORKERD_RSS_BOUND_MIB } from '../worker/soak-plan.ts'

/** Everything the report is made of; missing parts are reported as not run. */
export interface ReportInput {
  readonly generatedAt: Date
  readonly matrix: Fragment<'fault-matrix'> | undefined
  readonly soak: Fragment<'soak'> | undefined
  readonly workerChecks: Fragment<'worker-checks'> | undefined
}

/** Escapes a table cell. */
function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ')
}

/** A markdown table with aligned columns, as biome formats it. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => row.map(cell))
  const widths = header.map((_, i) =>
    Math.max(3, ...cells.map((row) => [...(row[i] ?? '')].length)),
  )
  const line = (row: readonly string[]) =>
    `| ${widths.map((width, i) => (row[i] ?? '').padEnd(width)).join(' | ')} |`
  const [head = [], ...body] = cells
  return [
    line(head),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...body.map(line),
  ].join('\n')
}

function renderMatrix(matrix: Fragment<'fault-matrix'> | undefined): string {
  if (matrix === undefined) return '_The fault matrix did not run._'
  const rows = matrix.rows.map((row) => {
    return [
      row.fault,
      row.via,
      row.expected,
      `${row.pass ? '' : '**FAIL** '}${row.observed}${describeDetails(row.extras)}`,
      String(row.attempts),
      String(row.elapsedMs),
      String(row.boundMs),
    ]
  })
  const passed = matrix.rows.filter((row) => row.pass).length
  return [
    table(
      [
        'fault',
        'injected by',
        'expected outcome',
        'observed outcome',
        'attempts',
        'elapsed ms',
        'bound ms',
      ],
      rows,
    ),
    '',
    `${passed} of ${matrix.rows.length} cases as expected. Unhandled rejections: ` +
      `${matrix.unhandledRejections}. Timers, sockets or servers left after the last case (stdio excluded): ` +
      `${matrix.leftoverResources.length === 0 ? 'none' : matrix.leftoverResources.join(', ')}. ` +
      `The child process exited ${matrix.exitLagMs} ms after its last output ` +
      `(whole run ${(matrix.totalMs / 1000).toFixed(1)} s, process start included).`,
  ].join('\n')
}

function renderSoak(soak: Fragment<'soak'> | undefined): string {
  if (soak === undefined) return '_The soak did not run._'
  const count = (record: Readonly<Record<string, number>>): string =>
    Object.entries(record)
      .map(([key, value]) => `${key}: ${value}`)
      .join(', ') || 'none'
  const seconds = soak.durationMs / 1000
  const memory = soak.memory.map((sample) => [
    sample.label,
    String(sample.completed),
    sample.workerHeapMiB.toFixed(2),
    sample.workerdRssMiB.map((rss) => rss.toFixed(0)).join(' / '),
    sample.nodeHeapMiB.toFixed(1),
  ])
  return [
    table(
      ['figure', 'value'],
      [
        ['requests (concurrency)', `${soak.requests} (${soak.concurrency})`],
        ['request mix', count(soak.kinds)],
        ['duration', `${seconds.toFixed(1)} s (${Math.round(soak.requests / seconds)} requests/s)`],
        ['responses by status', count(soak.statuses)],
        [
          'latency ms p50 / p95 / p99 / max',
          `${soak.latencyMs.p50} / ${soak.latencyMs.p95} / ${soak.latencyMs.p99} / ${soak.latencyMs.max}`,
        ],
        [
          'token rotations (upstream token dropped, then invalidated)',
          String(soak.kinds.rotate ?? 0),
        ],
        ['upstream requests seen by the emulator', String(soak.upstreamRequests)],
        ['emulator fault rate (seeded)', `${(soak.faultRate * 100).toFixed(1)} %`],
        ['faults fired', count(soak.faultsFired)],
        ['5xx answers, all', String(soak.serverErrors)],
        ['5xx answers while a valid token was cached', String(soak.violations.length)],
        ['upstream failures the Worker logged, by class', count(soak.upstreamFailures)],
        ['cache events the Worker logged', count(soak.cacheEvents)],
      ],
    ),
    '',
    'A 5xx counts against the Worker only when a token answer had come back before the failing request started, was still servable when it ended, and no invalidation overlapped; 5xx right after a rotation, when the Worker holds no token and its one upstream refresh failed, are counted in "all" only.',
    '',
    `Memory: worker heap is the Worker isolate after a full GC, read through the inspector (the leak check: it may grow by less than ${WORKER_HEAP_GROWTH_BOUND_MIB} MiB); workerd RSS is the two workerd processes of \`wrangler dev\`, each bounded at ${WORKERD_RSS_BOUND_MIB} MiB only, since under \`wrangler dev\` RSS climbs for a while even for a Worker that returns a constant; Node heap is the emulator and load generator, after a full GC.`,
    '',
    table(
      ['sample', 'requests done', 'worker heap MiB', 'workerd RSS MiB', 'Node heap MiB'],
      memory,
    ),
  ].join('\n')
}

function renderWorkerChecks(checks: Fragment<'worker-checks'> | undefined): string {
  if (checks === undefined) return '_The Worker request checks did not run._'
  return table(
    ['request', 'expected', 'observed'],
    checks.map((check) => [
      check.request,
      check.expected,
      `${check.pass ? '' : '**FAIL** '}${check.observed}`,
    ]),
  )
}

/**
 * Renders REPORT.md from the suites' figures.
 *
 * @param input - the fragments and the time of the run
 * @returns the markdown
 */
export function renderReport(input: ReportInput): string {
  const { timeout, retry } = MATRIX_TIMING
  return [
    '# Reliability report',
    '',
    `Generated by \`pnpm --filter @authing-edge/reliability test\` on ${input.generatedAt.toISOString()}. ` +
      'Times differ from run to run (the machine is shared); the bounds are derived from each ' +
      `case's configured timeout, retry limit, backoff limit and Retry-After cap, plus ${SLACK_MS} ms of slack.`,
    '',
    '## Fault matrix',
    '',
    `Client: timeout ${timeout} ms per attempt, ${retry.limit} retries, backoff at most ` +
      `${retry.backoffLimit} ms, Retry-After capped at ${retry.maxRetryAfter} ms, retryOnTimeout ` +
      `${retry.retryOnTimeout ? 'on' : 'off'} (unless the row says otherwise), maxResponseBytes ` +
      `${MATRIX_MAX_RESPONSE_BYTES / 1024} KiB. Attempts are calls to the injected fetch.`,
    '',
    renderMatrix(input.matrix),
    '',
    '## Worker requests',
    '',
    renderWorkerChecks(input.workerChecks),
    '',
    '## Worker soak',
    '',
    renderSoak(input.soak),
    '',
  ].join('\n')
}
