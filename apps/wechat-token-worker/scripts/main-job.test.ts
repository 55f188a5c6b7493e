// The project's main job, run the way the README tells a new user to: `bash scripts/start.sh`.
import { type ChildProcess, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { TokenBodySchema } from '../test/token-body.ts'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const START = join(ROOT, 'scripts', 'start.sh')
const CURL_LINE =
  /^curl -sS -H 'Authorization: Bearer ([\w-]+)' '(http:\/\/127\.0\.0\.1:\d+)\/v1\/wechat\/access-token'$/m
const EMULATOR_LINE = /^\[start\] emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m

interface Run {
  readonly child: ChildProcess
  readonly stdout: () => string
  readonly stderr: () => string
  readonly exited: Promise<number | null>
}

/** Starts `bash scripts/start.sh ...args` in its own process group, like a terminal would. */
function start(args: readonly string[]): Run {
  const child = spawn('bash', [START, ...args], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
  })
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  )
  return { child, stdout: () => stdout, stderr: () => stderr, exited }
}

/** Resolves once `pattern` shows up in the output, or rejects when the process exits first. */
async function waitFor(run: Run, pattern: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const match = pattern.exec(run.stdout())
    if (match !== null) return match
    const exited = await Promise.race([
      run.exited.then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), 100)),
    ])
    if (exited) throw new Error(`start.sh exited before printing ${pattern}:\n${run.stderr()}`)
  }
}

/** After a failure: Ctrl-C as a user would (so wrangler is stopped too), then SIGKILL. */
async function stop(run: Run): Promise<void> {
  const pid = run.child.pid
  if (pid === undefined || run.child.exitCode !== null) return
  process.kill(-pid, 'SIGINT')
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 15_000))
  if ((await Promise.race([run.exited, timeout])) === 'timeout') process.kill(-pid, 'SIGKILL')
}

/** The printed token (the JSON block before the first blank line), validated. */
function printedToken(stdout: string): v.InferOutput<typeof TokenBodySchema> {
  const block = stdout.split('\n\n')[0] ?? ''
  return v.parse(TokenBodySchema, JSON.parse(block))
}

/** Whether anything still accepts connections at `url`. */
async function listening(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(5000) })
    await response.body?.cancel()
    return true
  } catch {
    return false
  }
}

describe('bash scripts/start.sh', () => {
  test('refuses an unknown argument with the usage, before provisioning or building anything', async () => {
    const run = start(['--once', '--onse'])
    try {
      expect(await run.exited).toBe(2)
      expect(run.stderr()).toMatch(/^start\.sh: unknown argument --onse\n\n/)
      expect(run.stderr()).toContain('Usage: bash scripts/start.sh [--once]')
      // Neither bootstrap.sh nor the build step ran.
      expect(run.stderr()).not.toMatch(/\[(bootstrap|start)\]/)
      expect(run.stdout()).toBe('')
    } finally {
      await stop(run)
    }
  })

  test('with --once prints a token and a working curl line, then exits 0 and stops everything', async () => {
    const run = start(['--once'])
    try {
      const code = await run.exited
      expect(code, run.stderr()).toBe(0)

      const token = printedToken(run.stdout())
      expect(token.accessToken).not.toBe('')
      expect(token.expiresAt).toBeGreaterThan(Date.now())
      const curl = CURL_LINE.exec(run.stdout())
      expect(curl, run.stdout()).not.toBeNull()
      const workerUrl = curl?.[2] ?? ''
      const emulatorUrl = EMULATOR_LINE.exec(run.stderr())?.[1] ?? ''
      expect(emulatorUrl).not.toBe('')

      // Neither the Worker (wrangler and workerd) nor the emulator is left behind.
      expect(await listening(`${workerUrl}/healthz`)).toBe(false)
      expect(await listening(`${emulatorUrl}/__emulator/health`)).toBe(false)
    } finally {
      await stop(run)
    }
  })

  test('serves until Ctrl-C, answers the printed curl request meanwhile, then stops both', async () => {
    const run = start([])
    try {
      const curl = await waitFor(run, CURL_LINE)
      const [, brokerToken, workerUrl] = curl
      const printed = printedToken(run.stdout())

      // What the printed curl line does.
      const response = await fetch(`${workerUrl}/v1/wechat/access-token`, {
        headers: { authorization: `Bearer ${brokerToken}` },
      })
      expect(response.status).toBe(200)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(v.parse(TokenBodySchema, await response.json())).toEqual(printed)

      // Ctrl-C: SIGINT to the terminal's foreground process group.
      process.kill(-(run.child.pid ?? 0), 'SIGINT')
      expect(await run.exited, run.stderr()).toBe(0)
      expect(run.stderr()).toContain('[start] stopped the worker and the emulator')
      expect(await listening(`${workerUrl}/healthz`)).toBe(false)
      const emulatorUrl = EMULATOR_LINE.exec(run.stderr())?.[1] ?? ''
      expect(await listening(`${emulatorUrl}/__emulator/health`)).toBe(false)
    } finally {
      await stop(run)
    }
  })
})
