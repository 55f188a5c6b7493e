/** Marks every error thrown by authing-edge, across duplicate installs and realms. */
const MARKER: unique symbol = Symbol.for('authing-edge.error') as never

/** Where a failed request was going. Never holds a body, a header or a query string. */
export interface RequestSummary {
  /** HTTP method, e.g. `POST`. */
  readonly method: string
  /** Origin and path only, e.g. `https://example.authing.cn/api/v3/get-wechat-access-token-info`. */
  readonly url: string
}

/** Options shared by every authing-edge error. */
export interface AuthingErrorOptions {
  /** The underlying error. Kept non-enumerable, so it never reaches `JSON.stringify`. */
  cause?: unknown
  /** Where the failed request was going. */
  request?: RequestSummary | undefined
}

/**
 * Base class of every error authing-edge throws. Catch it to handle them all; use the
 * `is*Error` guards rather than `instanceof` when two copies of the package may be loaded.
 *
 * @example
 * ```ts
 * import { isAuthingError } from '@authing-edge/core'
 *
 * try {
 *   // ...
 * } catch (error) {
 *   if (isAuthingError(error)) console.error(error.name, error.message)
 * }
 * ```
 */
export class AuthingError extends Error {
  override name: string = 'AuthingError'
  /** Where the failed request was going, when there was one. */
  declare readonly request: RequestSummary | undefined
  declare readonly [MARKER]: true

  /**
   * @param message - what failed and where; must never contain a secret. When there is a
   *   request, `: METHOD url` is appended.
   * @param options - `cause` and the request summary
   */
  constructor(message: string, options: AuthingErrorOptions = {}) {
    const { cause, request } = options
    super(
      request ? `${message}: ${request.method} ${request.url}` : message,
      cause === undefined ? undefined : { cause },
    )
    this.request = request
    Object.defineProperty(this, MARKER, { value: true })
  }
}

/**
 * Whether `value` is an error thrown by authing-edge (any copy, any realm).
 *
 * @param value - anything caught
 * @returns true for every authing-edge error
 */
export function isAuthingError(value: unknown): value is AuthingError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { [MARKER]?: unknown })[MARKER] === true
  )
}

/**
 * Builds a realm-safe guard for one error class, by its literal `name`.
 *
 * @param name - the class's `name`
 * @returns a type guard
 */
/* @__NO_SIDE_EFFECTS__ */
export function guardFor<T extends AuthingError>(name: T['name']): (value: unknown) => value is T {
  return (value: unknown): value is T => isAuthingError(value) && value.name === name
}
