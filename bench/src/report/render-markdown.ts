import type { BenchResults, OverheadResult } from './bench-results.ts'
import { bytes, num, rate, spread, table, times } from './format.ts'

const verdict = (met: boolean | undefined) =>
  met === undefined ? 'not measured' : met ? 'met' : '**missed**'

function renderOverhead(result: OverheadResult): string {
  const rows = result.contenders.map((c) => [
    c.name,
    num(c.perCallUs.median),
    spread(c.perCallUs),
    `${num(c.perCallUs.min)} – ${num(c.perCallUs.max)}`,
  ])
  const ratios = result.ratios.map((r) => [
    `${r.numerator} / ${r.denominator}`,
    times(r.ofMedians),
    times(r.paired.median),
    `${times(r.paired.p25)} – ${times(r.paired.p75)}`,
  ])
  return [
    `### Against ${result.server}`,
    '',
    `${result.rounds} rounds kept after ${result.warmupRounds} warm-up rounds; in each round every ` +
      `contender makes ${result.callsPerBatch} sequential calls. The order changes every round so that each ` +
      'contender runs in every position and right after every other one equally often (a Williams ' +
      'design): what one batch leaves behind, such as garbage to collect, falls on all alike.',
    '',
    table(['contender', 'median µs/call', 'spread (µs)', 'min – max (µs)'], rows),
    '',
    table(['ratio', 'of medians', 'paired, median', 'paired, p25 – p75'], ratios),
  ].join('\n')
}

function renderBundles(results: BenchResults): string {
  const rows = results.bundles.map((b) => {
    if (!b.outcome.ok) return [b.name, b.build, '—', '—', `**fails**: ${b.outcome.error}`]
    const parts = b.outcome.topPackages.map(([name, size]) => `${name} ${num(size / 1000)} kB`)
    return [
      b.name,
      b.build,
      bytes(b.outcome.minBytes),
      bytes(b.outcome.gzipBytes),
      parts.length > 0 ? parts.join(', ') : '—',
    ]
  })
  return [
    table(
      ['entry', 'build', 'minified', 'min + gzip -9', 'largest parts (minified) / error'],
      rows,
    ),
    '',
    'The two floors are the same request made with ky alone, and with ky and valibot checking ' +
      'the envelope with the schemas of @authing-edge/types: what any ky-based client that ' +
      'validates its answers starts from, before its own code.',
    '',
    'The wrangler rows are the bundles wrangler would upload. By default wrangler keeps every ' +
      "function's and class's name (its `keep_names` setting), which costs a `__name()` call " +
      'each, hence larger than the esbuild rows; with `"keep_names": false` in the Wrangler ' +
      'configuration it uploads about what esbuild builds. authing-edge never reads a function ' +
      'name (its errors carry literal names), so turning it off is safe for it. The official SDK ' +
      'bundles for a Worker only with `nodejs_compat`, where workerd provides the Node built-ins ' +
      'it imports.',
  ].join('\n')
}

function renderStartup(results: BenchResults): string {
  const { coldImport, workerStart, workerStartupCpu } = results.startup
  const importRows = coldImport.map((r) => [
    r.name,
    num(r.importMs.median),
    num(r.importMs.min),
    spread(r.importMs),
    num(r.processMs.median),
    num(r.processMs.min),
  ])
  const startRows = workerStart.map((r) =>
    'error' in r
      ? [r.name, '—', '—', `**fails**: ${r.error}`, '—', '—']
      : [
          r.name,
          num(r.readyMs.median),
          num(r.readyMs.min),
          spread(r.readyMs),
          num(r.firstResponseMs.median),
          num(r.firstResponseMs.min),
        ],
  )
  const cpuRows = workerStartupCpu.map((r) =>
    'error' in r
      ? [r.name, '—', '—', `**fails**: ${r.error}`]
      : [r.name, num(r.activeMs.median), num(r.activeMs.min), spread(r.activeMs)],
  )
  return [
    '### Node: cold import',
    '',
    `Fresh \`node\` processes (${coldImport[0]?.importMs.n ?? 0} kept per module, order varied per round, 2 ` +
      'warm-ups discarded, no compile cache); `import` is `await import()` timed inside the ' +
      'child, `process` is spawn to exit timed by the parent. On a busy machine the minimum is ' +
      'the least disturbed sample.',
    '',
    table(
      ['module', 'import, median ms', 'min', 'spread', 'process, median ms', 'min'],
      importRows,
    ),
    '',
    '### workerd: `unstable_startWorker`',
    '',
    'Each Worker, bundled by `wrangler deploy --dry-run --minify`, is started in workerd with ' +
      "wrangler's `unstable_startWorker` (no re-bundling, no inspector) and stopped again. " +
      '`ready` is start-up until workerd has loaded the module; `first response` is a request ' +
      "that makes the Worker call the loopback upstream once. Both include wrangler's own " +
      'overhead: compare with the empty Worker.',
    '',
    table(
      ['Worker', 'ready, median ms', 'min', 'spread', 'first response, median ms', 'min'],
      startRows,
    ),
    '',
    '### workerd: start-up CPU (`wrangler check startup`)',
    '',
    'Non-idle CPU time that workerd spends in the start-up phase (parsing and evaluating the ' +
      'bundle), from the V8 CPU profile `wrangler check startup` records. The profile samples ' +
      'every 1 to 2 ms, so a start-up of a few milliseconds can read 0: only differences of ' +
      'several milliseconds mean something.',
    '',
    table(['Worker', 'active CPU, median ms', 'min', 'spread'], cpuRows),
  ].join('\n')
}

/**
 * Renders the results of a run as `BENCHMARKS.md`.
 *
 * @param results - what the run measured
 * @returns the Markdown document
 */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine
  const { cache, asyncMapBaseline } = results.cacheHits
  const s = results.stampede
  return `${[
    '# Benchmarks',
    '',
    `Generated by \`pnpm bench\` (bench/run.mjs) on ${results.startedAt}; the run took ` +
      `${Math.round(results.durationSeconds)} s. Do not edit by hand: run it again. Every figure ` +
      'comes from that one run; timings are never asserted in tests, only the bundle sizes are ' +
      '(bench/src/bundle/bundle-budget.test.ts).',
    '',
    '## Machine',
    '',
    table(
      ['CPU', 'cores', 'memory', 'OS', 'Node', 'load average (1 min), start / end'],
      [
        [
          m.cpuModel,
          String(m.cores),
          `${m.memoryGiB} GiB`,
          m.os,
          m.node,
          `${num(m.loadAverage)} / ${num(results.loadAverageAtEnd)}`,
        ],
      ],
    ),
    '',
    'The machine is shared with other work (see the load average): absolute times move from run ' +
      'to run, which is why contenders are interleaved and compared round by round.',
    '',
    `Versions: ${Object.entries(results.versions)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}.`,
    '',
    '## Targets',
    '',
    table(
      ['target', 'measured', 'verdict'],
      results.targets.map((t) => [t.target, t.measured, verdict(t.met)]),
    ),
    ...(results.notes.length > 0
      ? ['', '## Notes', '', ...results.notes.map((n) => `- ${n}`)]
      : []),
    '',
    '## a. Uncached `getWechatMpAccessTokenInfo` against bare `fetch` and authing-node-sdk',
    '',
    'Every contender makes the same request (POST, JSON body with the WeChat credentials, ' +
      '`x-authing-app-id`) to a server on 127.0.0.1 and reads the JSON answer; each was checked ' +
      "to reach the server once per call and to return the server's token before timing.",
    '',
    '"Bare fetch with a timeout" is the bare fetch plus what a per-attempt timeout costs any ' +
      'client: an `AbortController`, a 10 s timer cleared once the body is read, and its signal ' +
      "handed to `fetch` (core's default timeout is 10 s). On Node the signal is the costly part: " +
      'undici registers a listener, a `WeakRef` and a finalizer for every signal it is given. ' +
      'core / that contender is what core adds on top of a fetch that can time out.',
    '',
    ...results.overhead.flatMap((o) => [renderOverhead(o), '']),
    '## b. Cache hits (memory store)',
    '',
    `Sequential awaited \`get()\` calls on a primed cache, ${cache.hitsPerSecond.n} blocks of ` +
      `${cache.callsPerSample.toLocaleString('en')} calls.`,
    '',
    table(
      ['getter', 'median hits/s', 'spread'],
      [
        [
          'WechatAccessTokenCache.get()',
          rate(cache.hitsPerSecond.median),
          spread(cache.hitsPerSecond, rate),
        ],
        [
          'baseline: async method returning a Map entry',
          rate(asyncMapBaseline.hitsPerSecond.median),
          spread(asyncMapBaseline.hitsPerSecond, rate),
        ],
      ],
    ),
    '',
    `## c. ${s.concurrency.toLocaleString('en')} concurrent cold \`get()\` calls`,
    '',
    table(
      ['trial', 'upstream requests', 'wall ms', 'calls without the token'],
      s.trials.map((t, i) => [
        String(i + 1),
        String(t.upstreamRequests),
        num(t.wallMs),
        String(t.wrongResults),
      ]),
    ),
    '',
    `Median wall time ${num(s.wallMs.median)} ms (${spread(s.wallMs)}).`,
    '',
    '## d. Bundle size of a Worker entry (minified, gzip -9)',
    '',
    'Entries are in bench/entries. "esbuild, workerd" is what Cloudflare tooling does without ' +
      '`nodejs_compat`: platform browser, conditions workerd/worker/browser, ESM, minified.',
    '',
    renderBundles(results),
    '',
    '## e. Start-up',
    '',
    renderStartup(results),
    '',
    '## Reproduce',
    '',
    '```sh',
    'export PATH="$PWD/.toolchain/node_modules/.bin:$PATH"',
    'pnpm build && pnpm bench            # a full run, rewrites bench/BENCHMARKS.md',
    'pnpm --filter @authing-edge/bench bench -- --quick   # a smoke run, writes nothing',
    '```',
  ].join('\n')}\n`
}
