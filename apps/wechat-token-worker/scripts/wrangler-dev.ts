import { type ChildProcess, spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import { setTimeout as delay } from 'node:timers/promises'

/** How to start `wrangler dev`. */
export interface WranglerDevOptions {
  /** The Worker's folder (holds `wrangler.jsonc`). */
  readonly cwd: string
  /** An absolute path to a `.env`-format file with the Worker's vars and secrets. */
  readonly envFile: string
  /** Where the local KV simulation keeps its data. */
  readonly persistTo: string
  /** Receives every line wrangler prints (already free of colour codes). */
  readonly onOutput: (line: string) => void
  /** Stops wrangler and rejects when aborted before wrangler is ready. */
  readonly signal?: AbortSignal
}

/** A running `wrangler dev --local`. */
export interface WranglerDev {
  /** Where the Worker listens, e.g. `http://127.0.0.1:45731`. */
  readonly url: string
  /** Settles when the wrangler process exits, with its exit code (null after a signal). */
  readonly exited: Promise<number | null>
  /** Stops wrangler and workerd: SIGTERM to the whole process group, SIGKILL after a grace period. */
  stop(): Promise<void>
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escape sequences is the point
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g
const READY = /Ready on (http:\/\/\S+)/
/** How long to wait for "Ready on ...", in milliseconds. */
const READY_TIMEOUT_MS = 60_000

/** The path of wrangler's own launcher script, run with this very Node binary (no npx wrapper). */
function wranglerBin(cwd: string): string {
  const require = createRequire(join(cwd, 'package.json'))
  return join(dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js')
}

/** Whether any process of the group led by `pid` still exists. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is already gone.
  }
}

async function waitForGroupExit(pid: number, timeoutMs: number): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 100) {
    if (!groupAlive(pid)) return true
    await delay(100)
  }
  return !groupAlive(pid)
}

/** Stops the whole process group: wrangler's launcher, its CLI child and every workerd. */
async function stopGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid
  if (pid === undefined) return
  signalGroup(pid, 'SIGTERM')
  if (await waitForGroupExit(pid, 5000)) return
  signalGroup(pid, 'SIGKILL')
  await waitForGroupExit(pid, 2000)
}

/** Rejects when `signal` aborts; never settles otherwise (until `cancel` aborts). */
function aborted(signal: AbortSignal | undefined, cancel: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal === undefined) return
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    signal.addEventListener('abort', onAbort, { once: true, signal: cancel })
  })
}

/**
 * Starts `wrangler dev --local` on a free loopback port in its own process group, and resolves
 * once wrangler reports where it listens. Nothing is read from `.dev.vars`: the vars and secrets
 * come from `envFile` only.
 *
 * @param options - folder, env file, persistence folder and output sink
 * @returns the running server
 * @example
 * ```ts
 * const dev = await startWranglerDev({ cwd, envFile, persistTo, onOutput: console.error })
 * await fetch(`${dev.url}/healthz`)
 * await dev.stop()
 * ```
 */
export async function startWranglerDev(options: WranglerDevOptions): Promise<WranglerDev> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    WRANGLER_SEND_METRICS: 'false',
    FORCE_COLOR: '0',
  }
  // Would copy this process's whole environment into the Worker's bindings.
  delete env.CLOUDFLARE_INCLUDE_PROCESS_ENV
  const args = [
    wranglerBin(options.cwd),
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    '0',
    '--inspector-ip',
    '127.0.0.1',
    '--inspector-port',
    '0',
    '--env-file',
    options.envFile,
    '--persist-to',
    options.persistTo,
    '--show-interactive-dev-session=false',
  ]
  // detached: wrangler leads its own process group, so a group signal reaches workerd too and
  // the terminal's Ctrl-C reaches only us (we then stop wrangler in order).
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject))

  const ready = new Promise<string>((resolve) => {
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (raw) => {
        const line = raw.replace(ANSI, '')
        options.onOutput(line)
        const match = READY.exec(line)
        if (match?.[1] !== undefined) resolve(match[1])
      })
    }
  })
  const timer = new AbortController()
  try {
    const url = await Promise.race([
      ready,
      spawnFailed,
      exited.then((code) => {
        throw new Error(`wrangler dev exited before it was ready (exit code ${code})`)
      }),
      delay(READY_TIMEOUT_MS, undefined, { signal: timer.signal }).then(() => {
        throw new Error(`wrangler dev was not ready after ${READY_TIMEOUT_MS} ms`)
      }),
      aborted(options.signal, timer.signal),
    ])
    return { url, exited, stop: () => stopGroup(child) }
  } catch (error) {
    await stopGroup(child)
    throw error
  } finally {
    timer.abort()
  }
}
