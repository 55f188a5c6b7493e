import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { createConnectionTracker, type TrackedConnection } from './connection-tracker.js'

/** A connection that closes on destroy() unless told its handle leaks. */
class FakeConnection extends EventEmitter implements TrackedConnection {
  destroyed = false
  destroyCalls = 0
  constructor(private readonly leaks = false) {
    super()
  }
  destroy(): void {
    this.destroyCalls++
    this.destroyed = true
    if (!this.leaks) queueMicrotask(() => this.emit('close'))
  }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('createConnectionTracker', () => {
  test('destroys every open connection once and resolves when all closed', async () => {
    const tracker = createConnectionTracker()
    const connections = [new FakeConnection(), new FakeConnection(), new FakeConnection()]
    for (const connection of connections) tracker.add(connection)
    connections[0]?.destroy()
    await Promise.resolve()
    expect(tracker.size).toBe(2)
    tracker.destroyAll()
    await expect(tracker.allClosed(60_000)).resolves.toBeUndefined()
    expect(tracker.size).toBe(0)
    expect(connections.map((connection) => connection.destroyCalls)).toEqual([1, 1, 1])
  })

  test('resolves at once when nothing is open', async () => {
    await expect(createConnectionTracker().allClosed(0)).resolves.toBeUndefined()
  })

  test('rejects within its bound when a destroyed connection never closes', async () => {
    vi.useFakeTimers()
    const tracker = createConnectionTracker()
    tracker.add(new FakeConnection(true))
    tracker.add(new FakeConnection())
    tracker.destroyAll()
    const closed = tracker.allClosed(2_000)
    const outcome = closed.then(
      () => 'closed',
      (error: unknown) => String(error),
    )
    await vi.advanceTimersByTimeAsync(1_999)
    expect(tracker.size).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(await outcome).toBe('Error: 1 connection(s) were still open 2000 ms after close()')
  })

  test('clears its timer once everything closed', async () => {
    vi.useFakeTimers()
    const tracker = createConnectionTracker()
    tracker.add(new FakeConnection())
    const closed = tracker.allClosed(2_000)
    tracker.destroyAll()
    await closed
    expect(vi.getTimerCount()).toBe(0)
  })
})
