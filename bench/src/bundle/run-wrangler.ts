import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { summarizeWranglerError } from './wrangler-error.ts'

const run = promisify(execFile)

/** The wrangler CLI the bench depends on. */
const WRANGLER_BIN = join(
  dirname(createRequire(import.meta.url).resolve('wrangler/package.json')),
  'bin',
  'wrangler.js',
)

/**
 * Runs the wrangler CLI with this Node, without metrics or Cloudflare lookups, for at most two
 * minutes.
 *
 * @param args - wrangler's arguments, e.g. `['deploy', entry, '--dry-run']`
 * @param cwd - where it runs
 * @throws an `Error` whose message is wrangler's error, summarised
 */
export async function runWrangler(args: readonly string[], cwd: string): Promise<void> {
  try {
    await run(process.execPath, [WRANGLER_BIN, ...args], {
      cwd,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
      timeout: 120_000,
    })
  } catch (error) {
    const stderr =
      error instanceof Error && 'stderr' in error ? String(error.stderr) : String(error)
    throw new Error(summarizeWranglerError(stderr))
  }
}
