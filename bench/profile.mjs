// `node profile.mjs [core|fetch|timed|sdk] [calls]`: CPU-profiles one contender making uncached calls
// against the loopback server and prints where the self time goes.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const { summarizeCpuProfile } = await import('./src/profile/summarize-cpu-profile.ts')
const [which = 'core', calls = '20000'] = process.argv.slice(2)
const dir = mkdtempSync(join(tmpdir(), 'authing-edge-prof-'))
const loop = new URL('./src/profile/client-loop.ts', import.meta.url).pathname
const child = spawnSync(
  process.execPath,
  ['--cpu-prof', '--cpu-prof-dir', dir, '--cpu-prof-interval', '100', loop, which, calls],
  { stdio: ['ignore', 'inherit', 'inherit'] },
)
if (child.status !== 0) process.exit(child.status ?? 1)
const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))
if (file === undefined) throw new Error('node wrote no profile')
const summary = summarizeCpuProfile(JSON.parse(readFileSync(join(dir, file), 'utf8')), 30)
rmSync(dir, { recursive: true, force: true })
const line = ([label, ms]) =>
  `${((ms / summary.activeMs) * 100).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${label}`
console.log(`\nactive ${summary.activeMs.toFixed(0)} ms\n\nself time by category:`)
for (const row of summary.byCategory) console.log(line(row))
console.log('\nself time by function:')
for (const row of summary.byFunction) console.log(line(row))
