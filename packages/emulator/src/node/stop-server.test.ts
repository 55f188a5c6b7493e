import { afterEach, describe, expect, test, vi } from 'vitest'
import { stopServer } from './stop-server.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('stopServer', () => {
  test('reports a clean stop and leaves no timer behind', async () => {
    vi.useFakeTimers()
    let closes = 0
    const outcome = await stopServer({ close: async () => void closes++ }, 3_000)
    expect(outcome).toEqual({ stopped: true })
    expect(closes).toBe(1)
    expect(vi.getTimerCount()).toBe(0)
  })

  test('reports why close() failed', async () => {
    const outcome = await stopServer(
      { close: () => Promise.reject(new Error('1 connection(s) were still open')) },
      3_000,
    )
    expect(outcome).toEqual({
      stopped: false,
      reason: 'error while stopping: 1 connection(s) were still open',
    })
  })

  test('gives up on a close() that never settles once its bound has passed', async () => {
    vi.useFakeTimers()
    const settled: unknown[] = []
    void stopServer({ close: () => new Promise<void>(() => undefined) }, 3_000).then((outcome) =>
      settled.push(outcome),
    )
    await vi.advanceTimersByTimeAsync(2_999)
    expect(settled).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(settled).toEqual([{ stopped: false, reason: 'did not stop within 3000 ms' }])
  })
})
