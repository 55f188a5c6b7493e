import { connect, createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, test } from 'vitest'
import { resetSocket } from './reset-socket.js'

const servers: Server[] = []
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))),
  )
})

/** A connected pair: the server's side of the socket and the client's. */
async function connectedPair(): Promise<{ server: Socket; client: Socket }> {
  const listener = createServer()
  servers.push(listener)
  const accepted = new Promise<Socket>((resolve) => listener.once('connection', resolve))
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  const address = listener.address()
  if (!address || typeof address === 'string') throw new Error('no TCP address')
  const client = connect(address.port, '127.0.0.1')
  client.on('error', () => undefined)
  return { server: await accepted, client }
}

/** Resolves with the error code the client saw (or `'none'`) once its side closed. */
function clientOutcome(client: Socket): Promise<string> {
  return new Promise((resolve) => {
    let code = 'none'
    client.on('error', (error: NodeJS.ErrnoException) => {
      code = error.code ?? 'unknown'
    })
    client.once('close', () => resolve(code))
  })
}

/**
 * Resolves whether `socket` emitted `'close'` within a bounded number of event-loop turns
 * (a count, not a clock); a socket whose handle leaked never does.
 */
function closes(socket: Socket): () => Promise<boolean> {
  let closed = false
  socket.once('close', () => {
    closed = true
  })
  return async () => {
    for (let turn = 0; turn < 1_000 && !closed; turn++) {
      await new Promise((resolve) => setImmediate(resolve))
    }
    return closed
  }
}

describe('resetSocket', () => {
  test('sends an RST on an open connection: the client sees ECONNRESET', async () => {
    const { server, client } = await connectedPair()
    const seen = clientOutcome(client)
    const closed = closes(server)
    expect(resetSocket(server)).toBe('reset')
    expect(await closed()).toBe(true)
    expect(await seen).toBe('ECONNRESET')
  })

  test('closes, and really releases, a socket whose FIN is already on its way out', async () => {
    const { server, client } = await connectedPair()
    const errors: unknown[] = []
    server.on('error', (error) => errors.push(error))
    const seen = clientOutcome(client)
    const closed = closes(server)
    server.end()
    // Node's resetAndDestroy() here fails with EINVAL, drops the handle unclosed and never
    // emits 'close': the process then cannot exit.
    const outcome = resetSocket(server)
    expect(await closed()).toBe(true)
    expect(errors).toEqual([])
    expect(outcome).toBe('closed')
    expect(await seen).toBe('none')
  })

  test('closes a socket the client already half-closed and the server ended', async () => {
    const { server, client } = await connectedPair()
    const ended = new Promise((resolve) => server.once('end', resolve))
    client.end()
    await ended
    server.end()
    const closed = closes(server)
    const outcome = resetSocket(server)
    expect(await closed()).toBe(true)
    expect(outcome).toBe('closed')
  })

  test('leaves a destroyed socket or no socket alone', async () => {
    const { server } = await connectedPair()
    const closed = closes(server)
    server.destroy()
    expect(resetSocket(server)).toBe('none')
    expect(resetSocket(null)).toBe('none')
    expect(await closed()).toBe(true)
  })
})
