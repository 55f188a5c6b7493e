import { spawn } from 'node:child_process'

/** How a child Node process went. */
export interface ScriptRun {
  readonly stdout: string
  readonly stderr: string
  /** Exit code, or `null` when a signal ended it. */
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  /** Milliseconds from the last stdout chunk to the process exiting: how long it lingered. */
  readonly exitLagMs: number
  /** Milliseconds from spawn to exit. */
  readonly totalMs: number
  /** Whether it had to be killed at `killAfterMs`. */
  readonly killed: boolean
}

/**
 * Runs a TypeScript file with this Node binary (type stripping) and waits for it to end on its
 * own, killing it only after `killAfterMs` so that a process kept alive by a leftover timer or
 * socket shows as a long `exitLagMs` (or `killed`) rather than a hung test.
 *
 * @param script - absolute path of the script
 * @param cwd - its working folder
 * @param killAfterMs - the hard limit
 * @returns what it printed and how it ended
 */
export function runNodeScript(
  script: string,
  cwd: string,
  killAfterMs: number,
): Promise<ScriptRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let lastOutput = started
    let stdout = ''
    let stderr = ''
    let killed = false
    const child = spawn(process.execPath, ['--no-warnings', script], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_OPTIONS: '' },
    })
    const timer = setTimeout(() => {
      killed = true
      child.kill('SIGKILL')
    }, killAfterMs)
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk
      lastOutput = performance.now()
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk
    })
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      const ended = performance.now()
      resolve({
        stdout,
        stderr,
        code,
        signal,
        exitLagMs: Math.round(ended - lastOutput),
        totalMs: Math.round(ended - started),
        killed,
      })
    })
  })
}
