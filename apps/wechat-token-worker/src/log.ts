import type { LogFields, Logger } from '@authing-edge/core'

/** Severity of a log line, as `console` spells it. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error']

/**
 * Reads the `LOG_LEVEL` var. Anything but `debug`, `warn` or `error` means `info`: a typo in a
 * log setting must not take the broker down.
 *
 * @param value - the var, or undefined
 * @returns the least severe level that is written
 * @default 'info'
 */
export function parseLogLevel(value: unknown): LogLevel {
  return LEVELS.find((level) => level === value) ?? 'info'
}

/**
 * Whether a line of `level` is written when `minLevel` is set.
 *
 * @param level - the line's severity
 * @param minLevel - the least severe level written
 * @returns true when `level` is at least as severe as `minLevel`
 */
export function isEnabled(level: LogLevel, minLevel: LogLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(minLevel)
}

const REDACTED = '[redacted]'

/**
 * Writes one JSON log line through `console`, which Workers Logs and `wrangler tail` collect.
 * Any of `secrets` that still found its way into the line is replaced by `[redacted]`: the
 * callers never log secrets on purpose, this catches the accident.
 *
 * @param level - severity
 * @param message - what happened
 * @param fields - structured extras; never put a secret in one
 * @param secrets - values that must never be printed (shorter than 4 characters are ignored)
 * @default fields {}
 * @default secrets []
 */
export function writeLog(
  level: LogLevel,
  message: string,
  fields: LogFields = {},
  secrets: readonly string[] = [],
): void {
  let line = JSON.stringify({ level, message, ...fields })
  for (const secret of secrets) {
    if (secret.length < 4) continue
    // As it appears inside a JSON string (quotes and backslashes escaped), and as it is.
    line = line
      .replaceAll(JSON.stringify(secret).slice(1, -1), REDACTED)
      .replaceAll(secret, REDACTED)
  }
  console[level](line)
}

/**
 * A {@link Logger} for `@authing-edge/core` that writes JSON lines with {@link writeLog}. Levels
 * below `minLevel` are left out altogether, so core does not even build those events (at the
 * default `info`, a cache hit costs nothing).
 *
 * @param secrets - values to redact should they ever appear
 * @param minLevel - the least severe level written
 * @default secrets []
 * @default minLevel 'info'
 * @returns the logger
 * @example
 * ```ts
 * const logger = createLogger([config.wechatAppSecret, config.brokerToken], 'warn')
 * logger.warn?.('stale token served', { expiresAt })
 * ```
 */
export function createLogger(secrets: readonly string[] = [], minLevel: LogLevel = 'info'): Logger {
  const logger: Logger = {}
  for (const level of LEVELS) {
    if (isEnabled(level, minLevel)) {
      logger[level] = (message, fields) => writeLog(level, message, fields, secrets)
    }
  }
  return logger
}
