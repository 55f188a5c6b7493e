import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import * as v from 'valibot'
import { EmulatorConfigSchema } from '../settings-schema.js'

/** A config file: the emulator options as JSON, plus where to listen. */
export const CliConfigFileSchema = v.strictObject({
  /** Ignored: lets editors find a JSON schema. */
  $schema: v.exactOptional(v.string()),
  ...EmulatorConfigSchema.entries,
  port: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535))),
  host: v.exactOptional(v.pipe(v.string(), v.nonEmpty())),
  verbose: v.exactOptional(v.boolean()),
})

/** A config file's content. */
export type CliConfigFile = v.InferOutput<typeof CliConfigFileSchema>

/** What the CLI runs with: file, environment and flags merged. */
export type CliConfig = Omit<CliConfigFile, '$schema'> & { readonly help?: boolean }

/** Environment variables the CLI reads. */
export const CLI_ENV = {
  port: 'AUTHING_EMULATOR_PORT',
  host: 'AUTHING_EMULATOR_HOST',
  config: 'AUTHING_EMULATOR_CONFIG',
  seed: 'AUTHING_EMULATOR_SEED',
  appId: 'AUTHING_EMULATOR_APP_ID',
  wechatAppId: 'AUTHING_EMULATOR_WECHAT_APP_ID',
  wechatAppSecret: 'AUTHING_EMULATOR_WECHAT_APP_SECRET',
  userToken: 'AUTHING_EMULATOR_USER_TOKEN',
  requireUserToken: 'AUTHING_EMULATOR_REQUIRE_USER_TOKEN',
  expiresAtAs: 'AUTHING_EMULATOR_EXPIRES_AT_AS',
  controlApi: 'AUTHING_EMULATOR_CONTROL_API',
  cors: 'AUTHING_EMULATOR_CORS',
  verbose: 'AUTHING_EMULATOR_VERBOSE',
} as const

/** Thrown for a configuration the CLI cannot run with; the message is for the user. */
export class CliConfigError extends Error {
  override name = 'CliConfigError'
}

/**
 * Merges configuration: defaults < config file < environment < flags, and validates the result.
 *
 * @param argv - command-line arguments after the script name
 * @param env - environment variables
 * @param cwd - where a relative `--config` path starts
 * @returns the merged configuration
 * @throws CliConfigError when anything is invalid (messages never quote a secret)
 */
export function loadCliConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): CliConfig {
  const flags = parseFlags(argv)
  const configPath = flags.config ?? env[CLI_ENV.config]
  const file = configPath === undefined ? {} : readConfigFile(resolve(cwd, configPath))
  const { $schema: _ignored, ...fromFile } = file
  const merged: Record<string, unknown> = { ...fromFile }
  const set = (key: string, value: unknown): void => {
    if (value !== undefined) merged[key] = value
  }

  set('port', integer(env[CLI_ENV.port], CLI_ENV.port))
  set('host', nonEmpty(env[CLI_ENV.host]))
  set('seed', integer(env[CLI_ENV.seed], CLI_ENV.seed))
  set('requireUserToken', boolean(env[CLI_ENV.requireUserToken], CLI_ENV.requireUserToken))
  set('expiresAtAs', nonEmpty(env[CLI_ENV.expiresAtAs]))
  set('controlApi', boolean(env[CLI_ENV.controlApi], CLI_ENV.controlApi))
  set('cors', boolean(env[CLI_ENV.cors], CLI_ENV.cors))
  set('verbose', boolean(env[CLI_ENV.verbose], CLI_ENV.verbose))
  const app = [env[CLI_ENV.appId], env[CLI_ENV.wechatAppId], env[CLI_ENV.wechatAppSecret]]
  if (app.some((value) => value)) {
    const [appId, wechatAppId, wechatAppSecret] = app
    if (!appId || !wechatAppId || !wechatAppSecret) {
      throw new CliConfigError(
        `Set all three of ${CLI_ENV.appId}, ${CLI_ENV.wechatAppId} and ${CLI_ENV.wechatAppSecret}, or none`,
      )
    }
    merged.apps = [{ appId, wechatAppId, wechatAppSecret }]
  }
  const userToken = nonEmpty(env[CLI_ENV.userToken])
  if (userToken) merged.userTokens = [userToken]

  set('port', integer(flags.port, '--port'))
  set('host', flags.host)
  set('seed', integer(flags.seed, '--seed'))
  set('expiresAtAs', flags['expires-at-as'])
  if (flags['require-user-token']) merged.requireUserToken = true
  if (flags['no-control-api']) merged.controlApi = false
  if (flags['no-cors']) merged.cors = false
  if (flags.verbose) merged.verbose = true

  const result = v.safeParse(CliConfigFileSchema, merged)
  if (!result.success) {
    throw new CliConfigError(`Invalid configuration: ${v.summarize(result.issues)}`)
  }
  const { $schema: _unused, ...config } = result.output
  return flags.help ? { ...config, help: true } : config
}

function parseFlags(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string', short: 'p' },
        host: { type: 'string' },
        config: { type: 'string', short: 'c' },
        seed: { type: 'string' },
        'expires-at-as': { type: 'string' },
        'require-user-token': { type: 'boolean' },
        'no-control-api': { type: 'boolean' },
        'no-cors': { type: 'boolean' },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (error) {
    throw new CliConfigError(error instanceof Error ? error.message : 'Invalid arguments')
  }
}

function readConfigFile(path: string): CliConfigFile {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    throw new CliConfigError(`Cannot read the config file ${path}`)
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new CliConfigError(`The config file ${path} is not valid JSON`)
  }
  const result = v.safeParse(CliConfigFileSchema, json)
  if (!result.success) {
    throw new CliConfigError(`Invalid config file ${path}: ${v.summarize(result.issues)}`)
  }
  return result.output
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim()
}

function integer(value: string | undefined, name: string): number | undefined {
  const text = nonEmpty(value)
  if (text === undefined) return undefined
  if (!/^\d+$/.test(text)) throw new CliConfigError(`${name} must be a whole number`)
  return Number(text)
}

function boolean(value: string | undefined, name: string): boolean | undefined {
  const text = nonEmpty(value)?.toLowerCase()
  if (text === undefined) return undefined
  if (['1', 'true', 'yes', 'on'].includes(text)) return true
  if (['0', 'false', 'no', 'off'].includes(text)) return false
  throw new CliConfigError(`${name} must be true or false`)
}
