import { createServer, type Socket } from 'node:net'

/**
 * What a raw server does once it has read a whole request. It writes bytes straight to the
 * socket, so it can misbehave in ways an HTTP server library will not: reset a connection after
 * the headers, stall in the middle of a body, stream without end.
 */
export type RawBehaviour =
  /** Headers announcing a JSON body, half of it, then a TCP reset. */
  | { readonly kind: 'reset-after-headers' }
  /** Headers announcing a JSON body, part of it, then silence until the server closes. */
  | { readonly kind: 'hang-mid-body' }
  /** A chunked body without `Content-Length` that never ends, up to `maxBytes`. */
  | { readonly kind: 'endless-chunked'; readonly maxBytes: number }
  /** A complete response, as given. */
  | {
      readonly kind: 'respond'
      readonly status: number
      readonly headers: Readonly<Record<string, string>>
      readonly body: string
    }

/** A running raw server. */
export interface RawHttpServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string
  /** Requests read so far (each one is an attempt by the client). */
  readonly requests: number
  /** Bytes the server's sockets have written (or queued), across every connection. */
  readonly bytesWritten: number
  /** Resolves once no connection is open (the client has hung up). */
  whenIdle(): Promise<void>
  /** Stops listening and destroys every connection. */
  close(): Promise<void>
}

const HEADER_END = '\r\n\r\n'

function head(status: number, headers: Readonly<Record<string, string>>): string {
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`)
  return [`HTTP/1.1 ${status} X`, ...lines, '', ''].join('\r\n')
}

/** Resolves once a complete request (headers and `Content-Length` body) has been read. */
function readRequest(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    let buffered = ''
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString('latin1')
      const end = buffered.indexOf(HEADER_END)
      if (end === -1) return
      const length = /\r\ncontent-length: *(\d+)/i.exec(buffered.slice(0, end))?.[1]
      if (buffered.length - end - HEADER_END.length < Number(length ?? 0)) return
      socket.off('data', onData)
      resolve()
    }
    socket.on('data', onData)
  })
}

const PARTIAL_JSON = '{"statusCode":200,"message":"ok","data":{"accessToken":"'

async function streamEndless(socket: Socket, maxBytes: number): Promise<void> {
  socket.write(head(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }))
  const chunk = `${(64 * 1024).toString(16)}\r\n${'x'.repeat(64 * 1024)}\r\n`
  const first = `${PARTIAL_JSON.length.toString(16)}\r\n${PARTIAL_JSON}\r\n`
  socket.write(first)
  let sent = 0
  while (sent < maxBytes && !socket.destroyed) {
    sent += 64 * 1024
    if (!socket.write(chunk)) {
      // Wait for the client to read, or to go away.
      await new Promise<void>((resolve) => {
        const done = (): void => {
          socket.off('drain', done)
          socket.off('close', done)
          resolve()
        }
        socket.on('drain', done)
        socket.on('close', done)
      })
    }
  }
}

/**
 * Starts a raw TCP server on 127.0.0.1 and a free port that answers every request with
 * `behaviour`.
 *
 * @param behaviour - how to (mis)answer
 * @returns the running server
 */
export async function startRawHttpServer(behaviour: RawBehaviour): Promise<RawHttpServer> {
  const sockets = new Set<Socket>()
  let requests = 0
  let written = 0
  const idle: (() => void)[] = []
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.once('close', () => {
      written += socket.bytesWritten
      sockets.delete(socket)
      if (sockets.size === 0) for (const resolve of idle.splice(0)) resolve()
    })
    void readRequest(socket).then(async () => {
      requests++
      switch (behaviour.kind) {
        case 'reset-after-headers': {
          const body = `${PARTIAL_JSON}abc`
          socket.write(head(200, { 'content-type': 'application/json', 'content-length': '400' }))
          socket.write(body, () => socket.resetAndDestroy())
          return
        }
        case 'hang-mid-body':
          socket.write(head(200, { 'content-type': 'application/json', 'content-length': '400' }))
          socket.write(PARTIAL_JSON)
          return
        case 'endless-chunked':
          await streamEndless(socket, behaviour.maxBytes)
          socket.destroy()
          return
        case 'respond': {
          const length = String(Buffer.byteLength(behaviour.body))
          const headers = { ...behaviour.headers, 'content-length': length, connection: 'close' }
          socket.end(head(behaviour.status, headers) + behaviour.body)
          return
        }
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  return {
    url: `http://127.0.0.1:${address.port}`,
    get requests() {
      return requests
    },
    get bytesWritten() {
      let total = written
      for (const socket of sockets) total += socket.bytesWritten
      return total
    },
    whenIdle: () =>
      sockets.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
