import { createServer, type Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { DEMO_BODY } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'
import { DEMO_APP } from '../demo-app.js'
import type { Emulator } from '../emulator.js'
import { createNodeListener } from './node-adapter.js'

const servers: Server[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** Waits a bounded number of event-loop turns (a count, not a clock) for `check` to hold. */
async function turnsUntil(check: () => boolean): Promise<boolean> {
  for (let turn = 0; turn < 2_000 && !check(); turn++) {
    await new Promise((resolve) => setImmediate(resolve))
  }
  return check()
}

/** A node:http server around `emulator`, handing each server-side socket to `onSocket`. */
async function serve(emulator: Emulator, onSocket: (socket: Socket) => void): Promise<number> {
  let origin = ''
  const server = createServer(
    createNodeListener(emulator, () => origin, { track: () => () => undefined }),
  )
  servers.push(server)
  server.on('connection', onSocket)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no TCP address')
  origin = `http://127.0.0.1:${address.port}`
  return address.port
}

/** A raw HTTP/1.1 token request for the demo app, so the test decides when the FIN goes out. */
function rawTokenRequest(): string {
  const body = JSON.stringify(DEMO_BODY)
  return [
    'POST /api/v3/get-wechat-access-token-info HTTP/1.1',
    'host: 127.0.0.1',
    'content-type: application/json',
    `x-authing-app-id: ${DEMO_APP.appId}`,
    `content-length: ${Buffer.byteLength(body)}`,
    '',
    body,
  ].join('\r\n')
}

describe('createNodeListener', () => {
  test('an emulator reset landing just as a client gives up still releases the socket', async () => {
    const emulator = createEmulator({ faults: [{ fault: { kind: 'hang' } }] })
    let serverSide: Socket | undefined
    let released = false
    let endedBeforeReset = false
    const errors: unknown[] = []
    const port = await serve(emulator, (socket) => {
      serverSide = socket
      socket.once('close', () => {
        released = true
      })
      socket.on('error', (error) => errors.push(error))
      // Runs right after node:http answered the client's FIN with socket.end(), while that
      // shutdown is pending: the moment a conformance run's control-API reset once hit, which
      // leaked the socket's handle and left the emulator unable to exit.
      socket.once('end', () => {
        endedBeforeReset = socket.writableEnded
        emulator.reset()
      })
    })
    const client = connect(port, '127.0.0.1')
    client.on('error', () => undefined)
    client.write(rawTokenRequest())
    expect(await turnsUntil(() => emulator.requests().length === 1)).toBe(true)
    client.end()
    expect(await turnsUntil(() => released)).toBe(true)
    expect(endedBeforeReset).toBe(true)
    expect(serverSide?.destroyed).toBe(true)
    expect(errors).toEqual([])
  })

  test('a reset fault on an open connection still resets it', async () => {
    const emulator = createEmulator({ faults: [{ fault: { kind: 'reset' } }] })
    const port = await serve(emulator, () => undefined)
    const client = connect(port, '127.0.0.1')
    const seen = new Promise<string>((resolve) => {
      client.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'unknown'))
      client.on('close', () => resolve('closed without error'))
    })
    client.write(rawTokenRequest())
    expect(await seen).toBe('ECONNRESET')
  })
})
