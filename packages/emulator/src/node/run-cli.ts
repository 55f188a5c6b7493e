import { resolveCorsOrigin } from '../http/cors.js'
import type { RecordedRequest } from '../state/request-record.js'
import { type CliConfig, CliConfigError, loadCliConfig } from './cli-config.js'
import { formatBanner } from './format-banner.js'
import { type EmulatorServer, startEmulatorServer } from './start-emulator-server.js'

/** Where the CLI talks to the outside world; injectable for tests. */
export interface CliIo {
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  readonly stdout: (line: string) => void
  readonly stderr: (line: string) => void
}

/** The default port of the CLI. */
export const DEFAULT_CLI_PORT = 8787

/** The CLI's usage text. */
export const USAGE = `Usage: authing-emulator [options]

Emulates the Authing / GenAuth V3 WeChat access-token endpoints for local development and tests.

Options:
  -p, --port <n>            port to listen on, 0 for a free one (default ${DEFAULT_CLI_PORT})
      --host <host>         interface to listen on (default 127.0.0.1)
  -c, --config <file>       JSON config file (apps, faults, rate limit, ...)
      --seed <n>            seed of every random choice (tokens, ids, fault rates)
      --expires-at-as <t>   "string" (default) or "number"
      --require-user-token  require a user access token in authorization
      --no-control-api      do not serve /__emulator (served by default, local use only)
      --no-cors             do not answer CORS preflights
  -v, --verbose             print one line per request (secrets redacted)
  -h, --help                print this help

Environment: AUTHING_EMULATOR_PORT, _HOST, _CONFIG, _SEED, _APP_ID, _WECHAT_APP_ID,
_WECHAT_APP_SECRET, _USER_TOKEN, _REQUIRE_USER_TOKEN, _EXPIRES_AT_AS, _CONTROL_API, _CORS, _VERBOSE.
Flags win over the environment, which wins over the config file.`

/**
 * Starts the emulator server from CLI arguments, environment and config file, and prints
 * its URL and the credentials it serves.
 *
 * @param io - arguments, environment and output
 * @returns the running server, or an exit code when it did not start (0 after `--help`)
 */
export async function startCli(io: CliIo): Promise<EmulatorServer | number> {
  let config: CliConfig
  try {
    config = loadCliConfig(io.argv, io.env, io.cwd)
  } catch (error) {
    if (!(error instanceof CliConfigError)) throw error
    io.stderr(`authing-emulator: ${error.message}`)
    io.stderr('Run authing-emulator --help for usage.')
    return 2
  }
  if (config.help) {
    io.stdout(USAGE)
    return 0
  }
  const {
    port = DEFAULT_CLI_PORT,
    host = '127.0.0.1',
    verbose = false,
    help: _help,
    ...options
  } = config
  const cors = options.cors ?? true
  const controlApi = options.controlApi ?? true
  let server: EmulatorServer
  try {
    server = await startEmulatorServer({
      ...options,
      cors,
      controlApi,
      port,
      host,
      ...(verbose ? { onRequest: (entry) => io.stdout(describe(entry)) } : {}),
    })
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    io.stderr(`authing-emulator: cannot listen on ${host}:${port}${code ? ` (${code})` : ''}`)
    return 1
  }
  const banner = formatBanner({
    url: server.url,
    settings: server.emulator.settings(),
    controlApi,
    cors: resolveCorsOrigin(cors) !== undefined,
    seed: server.emulator.seed(),
  })
  for (const line of banner) io.stdout(line)
  if (controlApi && !isLoopbackHost(host)) {
    io.stderr(
      `authing-emulator: warning: ${host} is not a loopback address; anyone who can reach it can use the control API`,
    )
  }
  return server
}

/**
 * Whether a host name or address only reaches this machine.
 *
 * @param host - a host name or IP address
 * @returns true for `localhost`, `127.x.x.x` and `::1`
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare)
}

function describe(entry: RecordedRequest): string {
  const { outcome } = entry
  const business = outcome.statusCode === undefined ? '' : ` statusCode=${outcome.statusCode}`
  const apiCode = outcome.apiCode === undefined ? '' : ` apiCode=${outcome.apiCode}`
  const fault = outcome.fault ? ` fault=${outcome.fault}` : ''
  return `${entry.method} ${entry.path} -> ${outcome.status || '-'} ${outcome.result}${business}${apiCode}${fault} requestId=${entry.requestId}`
}
