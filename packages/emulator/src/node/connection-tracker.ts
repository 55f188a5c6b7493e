/** What the tracker needs of a connection: `node:net` sockets fit. */
export interface TrackedConnection {
  readonly destroyed: boolean
  destroy(): void
  once(event: 'close', listener: () => void): unknown
}

/** The open connections of a server, and a way to end them and wait until they are gone. */
export interface ConnectionTracker {
  /** Starts following a connection until it emits `'close'`. */
  add(connection: TrackedConnection): void
  /** How many connections have not emitted `'close'` yet. */
  readonly size: number
  /** Destroys every connection not destroyed yet (destroying one twice is skipped). */
  destroyAll(): void
  /**
   * Resolves once every connection emitted `'close'`, which is when Node released its handle.
   *
   * @param limitMs - how long to wait before rejecting
   * @returns a promise that rejects with a message naming how many stayed open
   */
  allClosed(limitMs: number): Promise<void>
}

/**
 * Creates a {@link ConnectionTracker}. A destroyed socket that never emits `'close'` has a
 * leaked handle, and Node would spin at exit waiting for it; `allClosed` turns that into an
 * error within a bound instead of a process that silently never exits.
 *
 * @returns an empty tracker
 */
export function createConnectionTracker(): ConnectionTracker {
  const open = new Set<TrackedConnection>()
  const waiters = new Set<() => void>()
  return {
    add(connection) {
      open.add(connection)
      connection.once('close', () => {
        open.delete(connection)
        if (open.size === 0) for (const wake of waiters) wake()
      })
    },
    get size() {
      return open.size
    },
    destroyAll() {
      for (const connection of open) if (!connection.destroyed) connection.destroy()
    },
    allClosed(limitMs) {
      if (open.size === 0) return Promise.resolve()
      return new Promise<void>((resolve, reject) => {
        const done = (): void => {
          clearTimeout(timer)
          waiters.delete(done)
          resolve()
        }
        // Deliberately not unref'd: a leaked handle keeps nothing else alive, so without this
        // timer the process would reach Node's exit-time cleanup and hang there instead.
        const timer = setTimeout(() => {
          waiters.delete(done)
          reject(
            new Error(`${open.size} connection(s) were still open ${limitMs} ms after close()`),
          )
        }, limitMs)
        waiters.add(done)
      })
    },
  }
}
