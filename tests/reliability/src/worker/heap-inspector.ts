import * as v from 'valibot'

const TargetsSchema = v.pipe(
  v.array(v.object({ webSocketDebuggerUrl: v.pipe(v.string(), v.url()) })),
  v.minLength(1),
)
const MessageSchema = v.object({ id: v.optional(v.number()), result: v.optional(v.unknown()) })
const HeapUsageSchema = v.object({ usedSize: v.number(), totalSize: v.number() })

/** The Worker isolate's heap, read through the DevTools protocol. */
export interface HeapInspector {
  /**
   * Forces a full garbage collection (a heap snapshot starts with one; workerd does not answer
   * `HeapProfiler.collectGarbage`) and reads the heap in use afterwards.
   *
   * @returns bytes in use after the collection
   */
  heapAfterGc(): Promise<number>
  close(): void
}

/**
 * Connects to a Worker's inspector (wrangler's inspector proxy on loopback).
 *
 * @param inspectorOrigin - e.g. `http://127.0.0.1:43337`
 * @returns the inspector
 */
export async function connectHeapInspector(inspectorOrigin: string): Promise<HeapInspector> {
  const targets = v.parse(
    TargetsSchema,
    await (await fetch(new URL('/json', inspectorOrigin))).json(),
  )
  const target = targets[0]?.webSocketDebuggerUrl ?? ''
  // wrangler's proxy only accepts DevTools connections from a loopback Origin.
  const socket = new WebSocket(target, { headers: { origin: 'http://127.0.0.1' } })
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true })
    socket.addEventListener('error', () => reject(new Error('inspector connection failed')), {
      once: true,
    })
  })
  let nextId = 0
  const pending = new Map<number, (result: unknown) => void>()
  socket.addEventListener('message', (event) => {
    const parsed = v.safeParse(MessageSchema, JSON.parse(String(event.data)))
    if (!parsed.success || parsed.output.id === undefined) return
    pending.get(parsed.output.id)?.(parsed.output.result)
    pending.delete(parsed.output.id)
  })
  const call = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve) => {
      nextId++
      pending.set(nextId, resolve)
      socket.send(JSON.stringify({ id: nextId, method, params }))
    })
  await call('HeapProfiler.enable')
  return {
    async heapAfterGc() {
      await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
      return v.parse(HeapUsageSchema, await call('Runtime.getHeapUsage')).usedSize
    },
    close: () => socket.close(),
  }
}
