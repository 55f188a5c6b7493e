const MARKER = Symbol.for('authing-edge.emulator.network-error')

/** What the emulator wants done with the connection when a fetch handler rejects. */
export type ConnectionAction = 'reset'

/**
 * Thrown by the fetch handler to emulate a dropped connection. It looks like the `TypeError`
 * that `fetch` throws on a network failure (`fetch failed`, as undici says), so in-process
 * clients see what they would see over a socket; the Node server resets the socket instead.
 */
export class EmulatedNetworkError extends TypeError {
  override name = 'TypeError'
  /** What the Node server does with the socket. */
  readonly action: ConnectionAction

  /**
   * @param action - what happened to the connection
   * @param detail - why, for the `cause`
   */
  constructor(action: ConnectionAction, detail: string) {
    super('fetch failed', {
      cause: Object.assign(new Error(`emulator: ${detail}`), { code: 'ECONNRESET' }),
    })
    this.action = action
    Object.defineProperty(this, MARKER, { value: true, enumerable: false })
  }
}

/**
 * Whether `value` is an {@link EmulatedNetworkError} (any copy of the package).
 *
 * @param value - anything a handler rejected with
 * @returns true when the emulator asked for a connection reset
 */
export function isEmulatedNetworkError(value: unknown): value is EmulatedNetworkError {
  return typeof value === 'object' && value !== null && MARKER in value
}
