/** A structured log record's extra fields. Never put a secret in one. */
export type LogFields = Readonly<Record<string, unknown>>

/**
 * Where authing-edge writes what it does. Every method is optional, so `console` fits, and so
 * does a pino or consola instance. Nothing authing-edge logs ever contains a secret.
 */
export interface Logger {
  /** Detail for debugging: cache hits, retries. */
  debug?(message: string, fields?: LogFields): void
  /** Notable events: refreshes. */
  info?(message: string, fields?: LogFields): void
  /** Something went wrong but was handled: stale tokens served, store failures, deprecations. */
  warn?(message: string, fields?: LogFields): void
  /** Something went wrong and was not handled. */
  error?(message: string, fields?: LogFields): void
}
