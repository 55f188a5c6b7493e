import { fork } from 'node:child_process'
import { once } from 'node:events'
import * as v from 'valibot'
import type { CountingServer } from './counting-server.ts'

const ReadySchema = v.object({ type: v.literal('ready'), url: v.string() })
const HitsSchema = v.object({ type: v.literal('hits'), hits: v.number() })

/**
 * Starts the fixed-envelope server in a separate Node process, like a real upstream: the client
 * under test then has its process to itself, and the server its own core and garbage collector.
 *
 * @returns the server; `hits()` asks the child over IPC
 * @example
 * ```ts
 * const server = await spawnServerProcess()
 * console.log(server.url, await server.hits())
 * await server.close()
 * ```
 */
export async function spawnServerProcess(): Promise<CountingServer> {
  const entry = new URL('./server-process.ts', import.meta.url)
  const child = fork(entry, [], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const [first] = await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(() => {
      throw new Error('the server process exited before it was ready')
    }),
  ])
  const { url } = v.parse(ReadySchema, first)
  let queue: Promise<unknown> = Promise.resolve()
  const ask = (): Promise<number> => {
    const answer = queue.then(async () => {
      child.send('hits')
      const [message] = await once(child, 'message')
      return v.parse(HitsSchema, message).hits
    })
    queue = answer.catch(() => undefined)
    return answer
  }
  return {
    url,
    hits: ask,
    close: async () => {
      if (child.exitCode !== null || !child.connected) return
      const exited = once(child, 'exit')
      child.send('close')
      await exited
    },
  }
}
