import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import { createControlClient } from '../src/control/control-client.js'
import { LISTENING_PREFIX } from '../src/node/format-banner.js'

/** The built CLI; `pnpm --filter @authing-edge/emulator build` makes it (turbo does it first). */
export const CLI_PATH = fileURLToPath(new URL('../dist/cli.js', import.meta.url))

/** A running `authing-emulator` child process. */
export interface CliProcess {
  readonly child: ChildProcess
  /** Everything printed to stdout so far. */
  stdout(): string
  /** Everything printed to stderr so far. */
  stderr(): string
  /** Resolves with the exit code (or signal name) once the process ends. */
  readonly exited: Promise<number | string>
}

/**
 * Spawns the built CLI with the Node running the tests (the project's Node 24).
 *
 * @param args - CLI arguments
 * @param env - extra environment variables
 * @returns the process
 */
export function spawnCli(args: readonly string[], env: Record<string, string> = {}): CliProcess {
  if (!existsSync(CLI_PATH)) {
    throw new Error(
      `${CLI_PATH} is missing: run "pnpm --filter @authing-edge/emulator build" first`,
    )
  }
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8')
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8')
  })
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
  })
  return { child, stdout: () => out, stderr: () => err, exited }
}

/**
 * Waits for the CLI's first line and returns the URL in it.
 *
 * @param cli - the process
 * @param limitMs - give up after this long (a bound, not a measurement)
 * @returns the URL it listens on
 */
export async function listeningUrl(cli: CliProcess, limitMs = 10_000): Promise<string> {
  const deadline = Date.now() + limitMs
  for (;;) {
    const line = cli
      .stdout()
      .split('\n')
      .find((text) => text.startsWith(LISTENING_PREFIX))
    const url = line?.slice(LISTENING_PREFIX.length).trim()
    if (url && cli.stdout().includes('Press Ctrl-C to stop.')) return url
    if (cli.child.exitCode !== null) {
      throw new Error(`the CLI exited early: ${cli.stdout()}${cli.stderr()}`)
    }
    if (Date.now() > deadline) throw new Error(`no URL printed: ${cli.stdout()}${cli.stderr()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/**
 * Resolves with the exit code, or rejects if the process is still running after `limitMs`
 * (then kills it so no test leaves a server behind).
 *
 * @param cli - the process
 * @param limitMs - the bound
 * @returns the exit code or signal
 */
export function exitWithin(cli: CliProcess, limitMs: number): Promise<number | string> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      cli.child.kill('SIGKILL')
      reject(new Error(`the CLI was still running ${limitMs} ms after the signal`))
    }, limitMs)
  })
  return Promise.race([cli.exited, limit]).finally(() => clearTimeout(timer))
}

/**
 * Gives the calling test file a `spawnCli` whose processes are SIGKILLed after each test if still
 * running, so a failed test leaves no server behind.
 *
 * @returns `spawnCli`, tracked
 */
export function trackedSpawnCli(): typeof spawnCli {
  const running: CliProcess[] = []
  afterEach(() => {
    for (const cli of running.splice(0)) if (cli.child.exitCode === null) cli.child.kill('SIGKILL')
  })
  return (args, env) => {
    const cli = spawnCli(args, env)
    running.push(cli)
    return cli
  }
}

/**
 * Polls the emulator's control API, every 10 ms for at most 5 s, until it has received `count`
 * token requests.
 *
 * @param url - the emulator's URL
 * @param count - how many token requests to wait for
 * @returns how many it had received when the polling stopped
 */
export async function untilReceived(url: string, count: number): Promise<number> {
  const control = createControlClient(url)
  let seen = 0
  for (let i = 0; i < 500; i++) {
    seen = (await control.counts())['get-wechat-access-token-info']
    if (seen >= count) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return seen
}
