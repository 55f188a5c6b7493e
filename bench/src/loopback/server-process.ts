// Child-process entry of spawnServerProcess: runs the fixed-envelope server in its own Node
// process (its own core, its own GC) and answers the parent's questions over IPC.
import { startFixedEnvelopeServer } from './fixed-envelope-server.ts'

const send = (message: object) => process.send?.(message)
const server = await startFixedEnvelopeServer()
let closing: Promise<void> | undefined
const shutdown = () => {
  closing ??= server.close()
  return closing
}
process.on('message', (message: unknown) => {
  if (message === 'hits') send({ type: 'hits', hits: server.hits() })
  if (message === 'close') void shutdown().finally(() => process.disconnect())
})
process.on('disconnect', () => void shutdown())
send({ type: 'ready', url: server.url })
