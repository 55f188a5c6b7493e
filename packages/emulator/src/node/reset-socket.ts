import type { Socket } from 'node:net'

/**
 * Drops a connection the way a crashing server does: with a TCP reset (RST) when the socket
 * can still take one, else with a plain close.
 *
 * Why the check matters: once `end()` was called on a socket (our own `closeAfterFlush`, or
 * `node:http` answering a client's FIN), libuv refuses `uv_tcp_close_reset` with `EINVAL`
 * while the shutdown is pending, yet `resetAndDestroy()` has already let go of the handle.
 * That handle is never closed: the socket emits no `'close'`, and at exit Node spins forever
 * in `Environment::CleanupHandles` waiting for it. A socket whose writable side has ended has
 * already said goodbye with a FIN, so closing it is all that is left to do.
 *
 * @param socket - the connection to drop; `null` or an already destroyed socket is left alone
 * @returns `'reset'` when an RST was sent, `'closed'` when the socket was closed instead,
 *   `'none'` when there was nothing to do
 */
export function resetSocket(socket: Socket | null): 'reset' | 'closed' | 'none' {
  if (!socket || socket.destroyed) return 'none'
  if (socket.writableEnded || socket.connecting || typeof socket.resetAndDestroy !== 'function') {
    socket.destroy()
    return 'closed'
  }
  socket.resetAndDestroy()
  return 'reset'
}
