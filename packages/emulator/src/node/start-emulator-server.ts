import { createServer } from 'node:http'
import { createEmulator } from '../create-emulator.js'
import type { Emulator } from '../emulator.js'
import type { EmulatorOptions } from '../emulator-options.js'
import { createConnectionTracker } from './connection-tracker.js'
import { createNodeListener } from './node-adapter.js'

/** How long `close()` waits for Node to release every connection before it gives up. */
const CLOSE_LIMIT_MS = 2_000

/** Options of {@link startEmulatorServer}: where to listen, plus every emulator option. */
export interface EmulatorServerOptions extends EmulatorOptions {
  /** TCP port; 0 picks a free one. @default 0 */
  readonly port?: number
  /** Interface to listen on. Keep it on loopback: the control API is for local use. @default '127.0.0.1' */
  readonly host?: string
  /** Serve this emulator instead of creating one (the emulator options are then ignored). */
  readonly emulator?: Emulator
}

/** A running emulator server. */
export interface EmulatorServer {
  /** The base URL, e.g. `http://127.0.0.1:8787`: use it as the client's appHost. */
  readonly url: string
  /** The port it listens on. */
  readonly port: number
  /** The interface it listens on. */
  readonly host: string
  /** The emulator it serves, for in-process control. */
  readonly emulator: Emulator
  /**
   * Stops listening and ends every open connection, hanging and keep-alive ones included.
   * Resolves once Node has released every connection (each socket emitted `'close'`), so
   * nothing is left to hold the process; rejects if one is still open 2 s later.
   */
  close(): Promise<void>
}

/**
 * Starts an HTTP server for an emulator (Node). CORS and the control API are on by default.
 *
 * @param options - port, host and emulator options
 * @returns the running server once it listens
 * @example
 * ```ts
 * import { startEmulatorServer } from '@authing-edge/emulator/node'
 *
 * const server = await startEmulatorServer({ port: 0 })
 * // ... point a client at server.url ...
 * await server.close()
 * ```
 */
export async function startEmulatorServer(
  options: EmulatorServerOptions = {},
): Promise<EmulatorServer> {
  const { port = 0, host = '127.0.0.1', emulator: given, ...emulatorOptions } = options
  const emulator = given ?? createEmulator({ cors: true, controlApi: true, ...emulatorOptions })
  const controllers = new Set<AbortController>()
  const connections = createConnectionTracker()
  let origin = ''
  const server = createServer(
    createNodeListener(emulator, () => origin, {
      track(controller) {
        controllers.add(controller)
        return () => controllers.delete(controller)
      },
    }),
  )
  server.on('connection', (socket) => connections.add(socket))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  if (address === null || typeof address === 'string') {
    server.close()
    throw new Error('The emulator server did not get a TCP address')
  }
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`

  let closing: Promise<void> | undefined
  return {
    url: origin,
    port: address.port,
    host: address.address,
    emulator,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        // In-flight handlers stop first (their timers are cleared on abort); what they do
        // with their socket afterwards finds it destroyed and leaves it alone.
        for (const controller of controllers) {
          controller.abort(new Error('the emulator server closed'))
        }
        server.closeAllConnections()
        // Also sockets node:http no longer lists (e.g. mid-reset); destroyed ones are skipped.
        connections.destroyAll()
      }).then(() => connections.allClosed(CLOSE_LIMIT_MS))
      return closing
    },
  }
}
