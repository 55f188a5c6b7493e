import type { WorkerEnv } from './env.js'
import { type LogLevel, parseLogLevel } from './log.js'

/** The shortest `BROKER_TOKEN` accepted: anything shorter is too easy to guess. */
export const MIN_BROKER_TOKEN_LENGTH = 16

/** The Worker's configuration once every variable is present. */
export interface BrokerConfig {
  /** `AUTHING_APP_ID`. */
  readonly authingAppId: string
  /** `AUTHING_APP_HOST`. */
  readonly authingAppHost: string
  /** `WECHAT_APP_ID`. */
  readonly wechatAppId: string
  /** `WECHAT_APP_SECRET`. */
  readonly wechatAppSecret: string
  /** `BROKER_TOKEN`. */
  readonly brokerToken: string
  /** The `WECHAT_TOKEN_CACHE` KV binding. */
  readonly kv: KVNamespace
  /** `LOG_LEVEL`, `info` unless set. */
  readonly logLevel: LogLevel
}

/** One configuration problem: which variable, and what is wrong with it (never its value). */
export interface ConfigProblem {
  /** The variable or binding name, e.g. `WECHAT_APP_SECRET`. */
  readonly variable: string
  /** `missing`: not set at all (or blank); `invalid`: set, but unusable. */
  readonly kind: 'missing' | 'invalid'
  /** What to fix. */
  readonly message: string
}

/** {@link readConfig}'s answer: the configuration, or every problem found. */
export type ConfigResult =
  | { readonly ok: true; readonly config: BrokerConfig }
  | { readonly ok: false; readonly problems: readonly ConfigProblem[] }

const VARIABLES = [
  'AUTHING_APP_ID',
  'AUTHING_APP_HOST',
  'WECHAT_APP_ID',
  'WECHAT_APP_SECRET',
  'BROKER_TOKEN',
] as const

type Variable = (typeof VARIABLES)[number]

function isPresent(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== ''
}

function isKvNamespace(value: unknown): value is KVNamespace {
  return (
    typeof value === 'object' &&
    value !== null &&
    'get' in value &&
    typeof value.get === 'function' &&
    'put' in value &&
    typeof value.put === 'function'
  )
}

/**
 * Reads and checks the Worker's configuration. Reports every missing variable at once, by
 * name only, so a JSON error can say what to set without echoing a secret.
 *
 * @param env - the Worker's bindings
 * @returns the configuration, or the list of problems
 * @example
 * ```ts
 * const result = readConfig(env)
 * if (!result.ok) console.log(result.problems.map((p) => p.variable)) // ['WECHAT_APP_SECRET']
 * ```
 */
export function readConfig(env: WorkerEnv): ConfigResult {
  const problems: ConfigProblem[] = []
  const values: Partial<Record<Variable, string>> = {}
  for (const name of VARIABLES) {
    const value = env[name]
    if (isPresent(value)) values[name] = value
    else problems.push({ variable: name, kind: 'missing', message: `${name} is not set` })
  }
  const brokerToken = values.BROKER_TOKEN
  if (brokerToken !== undefined && brokerToken.length < MIN_BROKER_TOKEN_LENGTH) {
    problems.push({
      variable: 'BROKER_TOKEN',
      kind: 'invalid',
      message: `BROKER_TOKEN must be at least ${MIN_BROKER_TOKEN_LENGTH} characters long`,
    })
  }
  const kv = env.WECHAT_TOKEN_CACHE
  if (!isKvNamespace(kv)) {
    problems.push({
      variable: 'WECHAT_TOKEN_CACHE',
      kind: 'missing',
      message: 'WECHAT_TOKEN_CACHE is not bound to a KV namespace',
    })
  }
  const { AUTHING_APP_ID, AUTHING_APP_HOST, WECHAT_APP_ID, WECHAT_APP_SECRET } = values
  if (
    problems.length > 0 ||
    AUTHING_APP_ID === undefined ||
    AUTHING_APP_HOST === undefined ||
    WECHAT_APP_ID === undefined ||
    WECHAT_APP_SECRET === undefined ||
    brokerToken === undefined ||
    !isKvNamespace(kv)
  ) {
    return { ok: false, problems }
  }
  return {
    ok: true,
    config: {
      authingAppId: AUTHING_APP_ID,
      authingAppHost: AUTHING_APP_HOST,
      wechatAppId: WECHAT_APP_ID,
      wechatAppSecret: WECHAT_APP_SECRET,
      brokerToken,
      kv,
      logLevel: parseLogLevel(env.LOG_LEVEL),
    },
  }
}
