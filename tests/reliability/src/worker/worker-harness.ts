import { join } from 'node:path'
import { type EmulatorServer, startEmulatorServer } from '@authing-edge/emulator/node'
import { unstable_startWorker } from 'wrangler'
import { PACKAGE_ROOT } from '../support/results.ts'
import { SECRETS } from '../support/secrets.ts'

/** The Worker's own configuration: the suite runs it as deployed, not a copy. */
export const WORKER_CONFIG = join(
  PACKAGE_ROOT,
  '..',
  '..',
  'apps',
  'wechat-token-worker',
  'wrangler.jsonc',
)

/** How long the Worker may take to answer its first /healthz (about 2 s on a quiet machine). */
const START_TIMEOUT_MS = 30_000

/** What the Worker is started with. */
interface WorkerSettings {
  readonly authingAppId: string
  /** The emulator's URL. */
  readonly authingAppHost: string
  readonly wechatAppId: string
  readonly wechatAppSecret: string
  readonly brokerToken: string
  /** Open the DevTools inspector (needed to read the isolate's heap). */
  readonly inspector: boolean
}

/** A Worker running in workerd. */
export interface RunningWorker {
  /** Its origin, e.g. `http://127.0.0.1:41233`. */
  readonly url: string
  /** The inspector's origin, when opened. */
  readonly inspectorOrigin: string | undefined
  /** Every console line the Worker wrote, in order. */
  readonly logs: string[]
  /** Stops workerd and wrangler's helpers. */
  dispose(): Promise<void>
}

/**
 * Starts the Worker from apps/wechat-token-worker/wrangler.jsonc in workerd, through wrangler's
 * programmatic API, on 127.0.0.1 and a free port, with in-memory KV (nothing persisted) and no
 * file watching. Vars and secrets are given here, never read from a `.dev.vars`.
 *
 * @param settings - vars, secrets and whether to open the inspector
 * @returns the running Worker
 */
async function startWorker(settings: WorkerSettings): Promise<RunningWorker> {
  const logs: string[] = []
  const worker = await unstable_startWorker({
    config: WORKER_CONFIG,
    bindings: {
      AUTHING_APP_ID: { type: 'plain_text', value: settings.authingAppId },
      AUTHING_APP_HOST: { type: 'plain_text', value: settings.authingAppHost },
      WECHAT_APP_ID: { type: 'plain_text', value: settings.wechatAppId },
      WECHAT_APP_SECRET: { type: 'secret_text', value: settings.wechatAppSecret },
      BROKER_TOKEN: { type: 'secret_text', value: settings.brokerToken },
    },
    dev: {
      server: { hostname: '127.0.0.1', port: 0 },
      inspector: settings.inspector ? { hostname: '127.0.0.1', port: 0 } : false,
      persist: false,
      watch: false,
      structuredLogsHandler: (log: { readonly message: string }) => {
        logs.push(log.message)
      },
    },
  })
  // A bundling error (a dependency being rebuilt, say) still resolves `ready` and `url`, and
  // every request then waits forever: probe /healthz, which needs no configuration, and give up.
  await worker.ready
  const url = await worker.url
  try {
    const probe = await fetch(new URL('/healthz', url), {
      signal: AbortSignal.timeout(START_TIMEOUT_MS),
    })
    await probe.body?.cancel()
    if (probe.status !== 200) throw new Error(`/healthz answered ${probe.status}`)
  } catch (error) {
    await worker.dispose()
    const reason = error instanceof Error ? error.message : 'no answer'
    throw new Error(`the Worker did not start (${reason}); wrangler's output above says why`)
  }
  const inspector = settings.inspector ? await worker.inspectorUrl : undefined
  return {
    url: url.origin,
    inspectorOrigin: inspector?.origin,
    logs,
    dispose: () => worker.dispose(),
  }
}

/** The Authing app and WeChat app the emulator knows and the Worker is configured with. */
const AUTHING_APP_ID = 'authing-app'
const WECHAT_APP_ID = 'wx5ec0bad0f00d0001'

/** The Worker in workerd with the emulator as its upstream. */
export interface WorkerOnEmulator {
  readonly emulator: EmulatorServer
  readonly worker: RunningWorker
  /** Stops the Worker, then the emulator. */
  dispose(): Promise<void>
}

/**
 * Starts an emulator that knows one app and the Worker configured for that app against it, with
 * the suite's secrets.
 *
 * @param options - the emulator's seed, and whether to open the Worker's inspector
 * @returns both, and how to stop them
 */
export async function startWorkerOnEmulator(options: {
  readonly seed: number
  readonly inspector: boolean
}): Promise<WorkerOnEmulator> {
  const emulator = await startEmulatorServer({
    seed: options.seed,
    apps: [
      {
        appId: AUTHING_APP_ID,
        wechatAppId: WECHAT_APP_ID,
        wechatAppSecret: SECRETS.wechatAppSecret,
      },
    ],
  })
  let worker: RunningWorker
  try {
    worker = await startWorker({
      authingAppId: AUTHING_APP_ID,
      authingAppHost: emulator.url,
      wechatAppId: WECHAT_APP_ID,
      wechatAppSecret: SECRETS.wechatAppSecret,
      brokerToken: SECRETS.brokerToken,
      inspector: options.inspector,
    })
  } catch (error) {
    await emulator.close()
    throw error
  }
  return {
    emulator,
    worker,
    dispose: async () => {
      await worker.dispose()
      await emulator.close()
    },
  }
}
