const MARKER = Symbol.for('authing-edge.emulator.network-error')

/**
 * Thrown by the fetch handler to emulate a dropped connection. It looks like the `TypeError`
 * that `fetch` throws on a network failure (`fetch failed`, as undici says), so in-process
 * clients see what they would see over a socket; the Node server resets the socket instead.
 */
export class EmulatedNetworkError extends TypeError {
  override name = 'TypeError'

  /**
   * @param detail - why the connection was reset, for the `cause`
   */
  constructor(detail: string) {
    super('fetch failed', {
      cause: Object.assign(new Error(`emulator: ${detail}`), { code: 'ECONNRESET' }),
    })
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
