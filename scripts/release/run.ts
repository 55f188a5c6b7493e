import { spawn } from 'node:child_process'

/** What a finished child process left behind. */
export interface RunResult {
  /** Exit code; `-1` when the process was killed by a signal. */
  readonly code: number
  /** Everything the child wrote to stdout, as UTF-8. */
  readonly stdout: string
  /** Everything the child wrote to stderr, as UTF-8. */
  readonly stderr: string
}

/** Options of {@link run}. */
export interface RunOptions {
  /** Working directory of the child. */
  readonly cwd: string
  /** Variables added to (or, when `undefined`, removed from) the parent's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>
  /** Kills the child after this many milliseconds. @default 600_000 */
  readonly timeoutMs?: number
}

/**
 * Runs a command without a shell and collects its output. Never throws for a non-zero exit:
 * callers decide what a failure means and print the output with it.
 *
 * @param command - executable looked up on `PATH`
 * @param args - its arguments, passed as they are
 * @param options - working directory, environment and time limit
 * @returns exit code and the whole stdout and stderr
 */
export function run(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env }
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key]
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`could not start ${command}: ${error.message}`, { cause: error }))
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
      })
    })
  })
}

/**
 * Formats a failed {@link RunResult} for an error message or a test failure.
 *
 * @param title - what was run, e.g. `publint --strict core.tgz`
 * @param result - the finished run
 * @returns a multi-line report with the exit code and both outputs
 */
export function describeRun(title: string, result: RunResult): string {
  const parts = [`${title} exited with ${result.code}`]
  if (result.stdout.trim() !== '') parts.push(`--- stdout\n${result.stdout.trimEnd()}`)
  if (result.stderr.trim() !== '') parts.push(`--- stderr\n${result.stderr.trimEnd()}`)
  return parts.join('\n')
}
