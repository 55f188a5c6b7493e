// @ts-check
// Starts one runtime as a child process in its own process group, streams its output with a
// label, and stops the whole group when it overruns (killing only a wrapper would orphan
// workerd or Chromium).
import { spawn } from 'node:child_process'

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set()

/**
 * Stops every child still running, e.g. when the matrix itself is interrupted.
 *
 * @param {NodeJS.Signals} signal - the signal to send to each child's process group
 */
export function stopAll(signal) {
  for (const child of running) killGroup(child, signal)
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function killGroup(child, signal) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    // The group is already gone.
  }
}

/**
 * @typedef {object} ProcessResult
 * @property {number | null} code - the exit code, null when killed by a signal
 * @property {string | null} signal - the signal that ended it, if any
 * @property {string} stdout - everything it printed on stdout
 * @property {boolean} timedOut - whether the deadline stopped it
 * @property {string | undefined} spawnError - why it could not be started at all
 */

/**
 * Runs a command to completion, echoing its stdout and stderr prefixed with `[label]`.
 *
 * @param {object} options
 * @param {string} options.label - prefix for echoed lines
 * @param {string} options.command - the executable
 * @param {readonly string[]} options.args - its arguments
 * @param {string} options.cwd - working directory
 * @param {NodeJS.ProcessEnv} options.env - its environment
 * @param {number} options.timeoutMs - deadline for the whole run
 * @returns {Promise<ProcessResult>} how it ended
 */
export function runProcess({ label, command, args, cwd, env, timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    running.add(child)
    let stdout = ''
    let timedOut = false
    /** @type {string | undefined} */
    let spawnError
    /** Echoes complete lines as they arrive; `flush` prints a last line without a newline. */
    const echo = (/** @type {boolean} */ keep) => {
      let pending = ''
      const onData = (/** @type {string} */ text) => {
        if (keep) stdout += text
        const lines = (pending + text).split('\n')
        pending = lines.pop() ?? ''
        for (const line of lines) process.stdout.write(`[${label}] ${line}\n`)
      }
      const flush = () => {
        if (pending !== '') process.stdout.write(`[${label}] ${pending}\n`)
        pending = ''
      }
      return { onData, flush }
    }
    const out = echo(true)
    const err = echo(false)
    child.stdout.setEncoding('utf8').on('data', out.onData)
    child.stderr.setEncoding('utf8').on('data', err.onData)
    const deadline = setTimeout(() => {
      timedOut = true
      killGroup(child, 'SIGTERM')
      setTimeout(() => killGroup(child, 'SIGKILL'), 3000).unref()
    }, timeoutMs)
    child.on('error', (error) => {
      spawnError = error.message
    })
    child.on('close', (code, signal) => {
      clearTimeout(deadline)
      running.delete(child)
      out.flush()
      err.flush()
      // A runtime may leave helpers behind in its group (workerd, a browser): end them too.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL')
        } catch {
          // Nothing left.
        }
      }
      resolve({ code, signal, stdout, timedOut, spawnError })
    })
  })
}
