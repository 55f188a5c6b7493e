// The project's main job, run by `bash scripts/start.sh` after the toolchain and the build:
// starts the emulator and `wrangler dev --local` wired together, fetches one token through the
// Worker, prints it with a ready-to-paste curl line, then serves until Ctrl-C (or exits at once
// with --once) and stops both cleanly.
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DEMO_APP } from '@authing-edge/emulator'
import { type EmulatorServer, startEmulatorServer } from '@authing-edge/emulator/node'
import { fetchTokenThroughWorker, waitForHealthy } from './worker-requests.ts'
import { startWranglerDev, type WranglerDev } from './wrangler-dev.ts'

const APP_DIR = dirname(dirname(fileURLToPath(import.meta.url)))

function info(message: string): void {
  process.stderr.write(`[start] ${message}\n`)
}

/** Single-quotes a value for a POSIX shell. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`
}

/**
 * Turns SIGINT, SIGTERM and SIGHUP into an abort, from the very start: a Ctrl-C while wrangler
 * is still starting must stop it too, not kill this process and orphan wrangler and workerd.
 */
function abortOnSignals(): { readonly signal: AbortSignal; readonly dispose: () => void } {
  const controller = new AbortController()
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']
  const onSignal = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) info('already stopping, please wait')
    else controller.abort(new Error(`received ${signal}`))
  }
  for (const s of signals) process.on(s, onSignal)
  return {
    signal: controller.signal,
    dispose: () => {
      for (const s of signals) process.off(s, onSignal)
    },
  }
}

/** Settles with why serving ended: a signal, or wrangler exiting on its own. */
function untilStopped(
  signal: AbortSignal,
  dev: WranglerDev,
): Promise<'signal' | 'wrangler-exited'> {
  return new Promise((resolve) => {
    if (signal.aborted) resolve('signal')
    signal.addEventListener('abort', () => resolve('signal'), { once: true })
    void dev.exited.then(() => resolve('wrangler-exited'))
  })
}

/** Writes the Worker's vars and secrets to a private `.env` file that only wrangler reads. */
async function writeWorkerEnv(
  file: string,
  emulatorUrl: string,
  brokerToken: string,
): Promise<void> {
  const vars = {
    AUTHING_APP_ID: DEMO_APP.appId,
    AUTHING_APP_HOST: emulatorUrl,
    WECHAT_APP_ID: DEMO_APP.wechatAppId,
    WECHAT_APP_SECRET: DEMO_APP.wechatAppSecret,
    BROKER_TOKEN: brokerToken,
  }
  const lines = Object.entries(vars).map(([name, value]) => `${name}=${value}`)
  await writeFile(file, `${lines.join('\n')}\n`, { mode: 0o600 })
}

async function run(once: boolean, signal: AbortSignal): Promise<number> {
  const workDir = await mkdtemp(join(tmpdir(), 'wechat-token-worker-'))
  let emulator: EmulatorServer | undefined
  let dev: WranglerDev | undefined
  try {
    emulator = await startEmulatorServer({ port: 0 })
    info(`emulator listening on ${emulator.url}`)
    // A throwaway broker token for this run only; the WeChat credentials are the emulator's
    // public demo ones. They reach wrangler through a private env file, never argv.
    const brokerToken = randomBytes(32).toString('base64url')
    const envFile = join(workDir, 'worker.env')
    await writeWorkerEnv(envFile, emulator.url, brokerToken)

    info('starting wrangler dev --local')
    dev = await startWranglerDev({
      cwd: APP_DIR,
      envFile,
      persistTo: join(workDir, 'state'),
      signal,
      onOutput: (line) => {
        if (line.trim() !== '') process.stderr.write(`[wrangler] ${line}\n`)
      },
    })
    info(`worker listening on ${dev.url}`)
    await waitForHealthy(dev.url, signal)

    const endpoint = `${dev.url}/v1/wechat/access-token`
    const token = await fetchTokenThroughWorker(endpoint, brokerToken, signal)
    process.stdout.write(`${JSON.stringify(token, null, 2)}\n\n`)
    process.stdout.write('Fetch it again (this broker token is valid for this run only):\n')
    process.stdout.write(
      `curl -sS -H ${shellQuote(`Authorization: Bearer ${brokerToken}`)} ${shellQuote(endpoint)}\n`,
    )
    if (once) return 0

    info('serving; press Ctrl-C to stop')
    const reason = await untilStopped(signal, dev)
    if (reason === 'wrangler-exited') {
      info('wrangler exited on its own')
      return 1
    }
    return 0
  } finally {
    info('stopping')
    await dev?.stop()
    await emulator?.close()
    await rm(workDir, { recursive: true, force: true })
    info('stopped the worker and the emulator')
  }
}

async function main(): Promise<number> {
  // start.sh has already refused anything but --once (and answered --help).
  const once = process.argv.includes('--once')
  const stop = abortOnSignals()
  try {
    return await run(once, stop.signal)
  } catch (error) {
    if (stop.signal.aborted) return 130
    throw error
  } finally {
    stop.dispose()
  }
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    info(`failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  },
)
