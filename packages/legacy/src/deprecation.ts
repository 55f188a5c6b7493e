import type { Logger } from '@authing-edge/core'

/**
 * The process-wide record of deprecation warnings, shared through `globalThis` under a
 * `Symbol.for` key so that two copies of this package (two versions, or ESM and a bundled copy)
 * still warn once between them.
 */
interface DeprecationRegistry {
  /** Codes already warned about in this process. */
  readonly warned: Set<string>
  /** Set by {@link silenceDeprecationWarnings}. */
  silenced: boolean
}

const REGISTRY_KEY = Symbol.for('authing-edge.legacy.deprecations')

/** One deprecated API: the key it is warned under and what the user should read. */
export interface Deprecation {
  /** A stable code, e.g. `AUTHING_EDGE_DEP001`; also the `code` given to `process.emitWarning`. */
  readonly code: string
  /** The deprecated name, e.g. `getWechatMpAccessToken`. */
  readonly name: string
  /** Its replacement, e.g. `getWechatMpAccessTokenInfo`. */
  readonly replacement: string
  /** The full warning text: what is deprecated, what to use instead, how to silence it. */
  readonly message: string
}

/** The parts of Node's `process` used here; anything else may be missing (Workers, Deno, Bun). */
interface ProcessLike {
  readonly noDeprecation?: unknown
  readonly emitWarning?: unknown
}

/** What is read from the global object; tests pass their own to stay isolated. */
export type GlobalScope = object

function isRegistry(value: unknown): value is DeprecationRegistry {
  return (
    typeof value === 'object' &&
    value !== null &&
    'warned' in value &&
    value.warned instanceof Set &&
    'silenced' in value &&
    typeof value.silenced === 'boolean'
  )
}

function registryOf(scope: GlobalScope): DeprecationRegistry {
  const existing: unknown = Reflect.get(scope, REGISTRY_KEY)
  if (isRegistry(existing)) return existing
  const created: DeprecationRegistry = { warned: new Set(), silenced: false }
  // Non-enumerable, so it never shows up when someone walks the global object.
  Object.defineProperty(scope, REGISTRY_KEY, { value: created, configurable: true })
  return created
}

function processOf(scope: GlobalScope): ProcessLike | undefined {
  const value: unknown = Reflect.get(scope, 'process')
  return typeof value === 'object' && value !== null ? value : undefined
}

function consoleWarnOf(scope: GlobalScope): ((message: string) => void) | undefined {
  const value: unknown = Reflect.get(scope, 'console')
  if (typeof value !== 'object' || value === null || !('warn' in value)) return undefined
  const { warn } = value
  return typeof warn === 'function' ? (message) => Reflect.apply(warn, value, [message]) : undefined
}

/**
 * Turns off every deprecation warning of `@authing-edge/legacy` for the rest of the process,
 * in every copy of the package that is loaded. For a single client, pass
 * `silenceDeprecationWarnings: true` to its constructor instead. Node's `--no-deprecation` flag
 * is respected without calling this.
 *
 * @example
 * ```ts
 * import { silenceDeprecationWarnings } from '@authing-edge/legacy'
 *
 * silenceDeprecationWarnings()
 * ```
 */
export function silenceDeprecationWarnings(): void {
  registryOf(globalThis).silenced = true
}

/** Where one warning goes, decided per call. */
export interface WarnTarget {
  /** The client's logger; used when it has a `warn` method. */
  readonly logger?: Logger | undefined
  /** Whether this client (or call) asked for silence. */
  readonly silenced?: boolean | undefined
}

/**
 * Warns about a deprecated API at most once per process and code: through the logger's `warn`
 * when there is one, else `process.emitWarning` as a `DeprecationWarning` where it exists, else
 * `console.warn`. Nothing is written, and nothing recorded, while warnings are silenced (by the
 * caller, {@link silenceDeprecationWarnings} or `process.noDeprecation`), so a later unsilenced
 * call still warns once. Globals are read here, at call time, never at module load.
 *
 * @param deprecation - what is deprecated and the text to show
 * @param target - the logger and per-client silence
 * @param scope - the global object (`globalThis` unless a test passes its own)
 * @returns whether a warning was written by this call
 */
export function warnDeprecatedOnce(
  deprecation: Deprecation,
  target: WarnTarget = {},
  scope: GlobalScope = globalThis,
): boolean {
  const registry = registryOf(scope)
  if (registry.warned.has(deprecation.code) || registry.silenced || target.silenced === true) {
    return false
  }
  const nodeProcess = processOf(scope)
  if (nodeProcess?.noDeprecation === true) return false
  // Recorded before writing, so a logger that throws does not get the warning again.
  registry.warned.add(deprecation.code)
  const { logger } = target
  if (typeof logger?.warn === 'function') {
    logger.warn(deprecation.message, {
      code: deprecation.code,
      deprecated: deprecation.name,
      replacement: deprecation.replacement,
    })
  } else if (typeof nodeProcess?.emitWarning === 'function') {
    Reflect.apply(nodeProcess.emitWarning, nodeProcess, [
      deprecation.message,
      { type: 'DeprecationWarning', code: deprecation.code },
    ])
  } else {
    consoleWarnOf(scope)?.(`DeprecationWarning: ${deprecation.message}`)
  }
  return true
}
