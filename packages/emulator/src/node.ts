export {
  CLI_ENV,
  type CliConfig,
  CliConfigError,
  type CliConfigFile,
  CliConfigFileSchema,
  loadCliConfig,
} from './node/cli-config.js'
export { type BannerInput, formatBanner, LISTENING_PREFIX } from './node/format-banner.js'
export { createNodeListener, type InFlight, MAX_REQUEST_BYTES } from './node/node-adapter.js'
export { type CliIo, DEFAULT_CLI_PORT, isLoopbackHost, startCli, USAGE } from './node/run-cli.js'
export {
  type EmulatorServer,
  type EmulatorServerOptions,
  startEmulatorServer,
} from './node/start-emulator-server.js'
