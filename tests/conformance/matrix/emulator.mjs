// @ts-check
// The emulator each runtime talks to: the built `authing-emulator` CLI (a Node server on
// 127.0.0.1 with its control API and CORS on), a fresh process per runtime so no runtime sees
// another's faults, clock or counts, and so no emulator socket lives in the matrix's own process.
import { spawn } from 'node:child_process'
import { LISTENING_PREFIX } from '@authing-edge/emulator/node'
import { cliPath } from './emulator-cli.mjs'

/** How long the emulator may take to print its URL, and to exit after SIGTERM. */
const START_MS = 15_000
const STOP_MS = 5_000

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set()

/** Kills every emulator still running, e.g. when the matrix itself is interrupted. */
export function killEmulators() {
  for (const child of running) child.kill('SIGKILL')
}

/**
 * @typedef {object} RunningEmulator
 * @property {string} url - e.g. `http://127.0.0.1:41234`
 * @property {number} port - its port
 * @property {() => Promise<string | undefined>} close - stops it; resolves a warning if it had
 *   to be killed
 */

/**
 * Starts `authing-emulator --port 0` and waits for the line with its URL.
 *
 * @param {string} packageDir - tests/conformance
 * @returns {Promise<RunningEmulator>} the running emulator
 */
export async function startEmulator(packageDir) {
  const child = spawn(
    process.execPath,
    [await cliPath(packageDir), '--port', '0', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  running.add(child)
  const exited = new Promise((resolve) => child.once('exit', resolve)).finally(() =>
    running.delete(child),
  )
  let output = ''
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL within ${START_MS} ms: ${output}`)),
      START_MS,
    )
    const onData = (/** @type {string} */ text) => {
      output += text
      const line = output.split('\n').find((candidate) => candidate.startsWith(LISTENING_PREFIX))
      if (line === undefined) return
      clearTimeout(timer)
      resolve(line.slice(LISTENING_PREFIX.length).trim())
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', (/** @type {string} */ text) => (output += text))
    child.once('error', reject)
    child.once('exit', (code) =>
      reject(new Error(`it exited (${code}) before listening: ${output}`)),
    )
  }).catch((error) => {
    child.kill('SIGKILL')
    throw new Error(`the emulator did not start: ${error instanceof Error ? error.message : error}`)
  })
  const { port } = new URL(url)
  return {
    url,
    port: Number(port),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return undefined
      child.kill('SIGTERM')
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise((resolve) => (timer = setTimeout(() => resolve(false), STOP_MS))),
      ])
      clearTimeout(timer)
      if (stopped) return undefined
      child.kill('SIGKILL')
      await exited
      return `the emulator at ${url} did not exit within ${STOP_MS} ms of SIGTERM and was killed`
    },
  }
}
