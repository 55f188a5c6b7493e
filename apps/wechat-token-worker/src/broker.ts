import {
  AuthenticationClient,
  CloudflareKVStore,
  isConfigError,
  type Logger,
  WechatAccessTokenCache,
} from '@authing-edge/core'
import type { BrokerConfig, ConfigProblem } from './config.js'
import { createLogger } from './log.js'

/** What one configuration needs to serve tokens: its cache and its logger. */
export interface Broker {
  /** The WeChat access-token cache: memory in this isolate, then KV, then Authing. */
  readonly cache: WechatAccessTokenCache
  /** Writes JSON lines with this configuration's secrets redacted. */
  readonly logger: Logger
}

/** Brokers of this isolate by configuration fingerprint. A deployment has one; tests have a few. */
const brokers = new Map<string, Broker>()
/** Configurations kept at once; the oldest goes first. Bounds memory if config keeps changing. */
const MAX_BROKERS = 8

const encoder = new TextEncoder()

/**
 * A SHA-256 of everything a broker is built from, so no secret is kept as a map key. The broker
 * token is part of it: the broker's logger redacts the token it was built with.
 */
async function fingerprint(config: BrokerConfig): Promise<string> {
  const material = JSON.stringify([
    config.authingAppId,
    config.authingAppHost,
    config.wechatAppId,
    config.wechatAppSecret,
    config.brokerToken,
    config.logLevel,
  ])
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(material))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * A configuration value that `@authing-edge/core` refused (a malformed host, say), named by
 * its variable. The message is core's, which never quotes the value.
 */
export class BrokerConfigError extends Error {
  override name = 'BrokerConfigError' as const
  /** The variable at fault and what is wrong with it. */
  readonly problem: ConfigProblem

  /** @param problem - the variable at fault and what is wrong with it */
  constructor(problem: ConfigProblem) {
    super(problem.message)
    this.problem = problem
  }
}

/** Runs a constructor and renames core's option in a `ConfigError` to the Worker's variable. */
function construct<T>(make: () => T, variables: Readonly<Record<string, string>>): T {
  try {
    return make()
  } catch (error) {
    if (!isConfigError(error)) throw error
    const variable = variables[error.option] ?? error.option
    throw new BrokerConfigError({
      variable,
      kind: 'invalid',
      message: `${variable}: ${error.message}`,
    })
  }
}

function createBroker(config: BrokerConfig): Broker {
  const logger = createLogger([config.wechatAppSecret, config.brokerToken], config.logLevel)
  const client = construct(
    () =>
      new AuthenticationClient({
        appId: config.authingAppId,
        appHost: config.authingAppHost,
        logger,
      }),
    { appId: 'AUTHING_APP_ID', appHost: 'AUTHING_APP_HOST' },
  )
  const cache = construct(
    () =>
      new WechatAccessTokenCache({
        client,
        appId: config.wechatAppId,
        appSecret: config.wechatAppSecret,
        store: new CloudflareKVStore(config.kv),
      }),
    { appId: 'WECHAT_APP_ID', appSecret: 'WECHAT_APP_SECRET' },
  )
  return { cache, logger }
}

/**
 * The broker for a configuration, created on first use and then kept in module scope for the
 * life of the isolate, so that later requests are served from memory. What it shares between
 * requests are settled values only (the cache keeps strings and numbers, and finishes an
 * in-flight refresh with the `waitUntil` of the request that started it).
 *
 * @param config - the checked configuration
 * @returns the broker
 * @throws {@link BrokerConfigError} when core refuses a value (a malformed host, say)
 * @example
 * ```ts
 * const broker = await getBroker(config)
 * const token = await broker.cache.get({ waitUntil: (p) => ctx.waitUntil(p) })
 * ```
 */
export async function getBroker(config: BrokerConfig): Promise<Broker> {
  const key = await fingerprint(config)
  const known = brokers.get(key)
  if (known !== undefined) return known
  const broker = createBroker(config)
  if (brokers.size >= MAX_BROKERS) {
    const oldest = brokers.keys().next()
    if (oldest.done !== true) brokers.delete(oldest.value)
  }
  brokers.set(key, broker)
  return broker
}
