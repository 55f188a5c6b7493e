// `node ladder.mjs [rounds]`: times a ladder of contenders from a bare fetch up to
// @authing-edge/core, interleaved, against the fixed-envelope server in its own process, and
// prints each rung's median and its round-by-round ratio to a bare fetch.
const { spawnServerProcess } = await import('./src/loopback/spawn-server-process.ts')
const { overheadLadder } = await import('./src/profile/overhead-ladder.ts')
const { pairedRatios, runInterleaved } = await import('./src/overhead/interleaved-runner.ts')
const { summarize } = await import('./src/stats/summary.ts')

const rounds = Number(process.argv[2] ?? 200)
const server = await spawnServerProcess()
try {
  const ladder = overheadLadder(server.url)
  const samples = await runInterleaved(ladder, { warmupRounds: 30, rounds, callsPerBatch: 10 })
  const base = samples.get('bare fetch') ?? []
  console.log(`${rounds} rounds x 10 calls, interleaved; µs per call\n`)
  for (const { name } of ladder) {
    const series = samples.get(name) ?? []
    const ratio = summarize(pairedRatios(series, base))
    const median = (summarize(series).median * 1000).toFixed(1).padStart(7)
    console.log(
      `${name.padEnd(36)} ${median} µs   x${ratio.median.toFixed(3)} (p25 ${ratio.p25.toFixed(3)}, p75 ${ratio.p75.toFixed(3)})`,
    )
  }
} finally {
  await server.close()
}
