import { describe, expect, test } from 'vitest'
import { linkSignals } from './link-signals.js'

/** How many abort listeners a signal holds, counted through its own API. */
function listenerCount(signal: AbortSignal): () => number {
  let count = 0
  const add = signal.addEventListener.bind(signal)
  const remove = signal.removeEventListener.bind(signal)
  signal.addEventListener = (...args: Parameters<typeof add>) => {
    count++
    add(...args)
  }
  signal.removeEventListener = (...args: Parameters<typeof remove>) => {
    count--
    remove(...args)
  }
  return () => count
}

describe('linkSignals', () => {
  test('aborts with the reason of the first source that aborts', () => {
    const a = new AbortController()
    const b = new AbortController()
    const { signal } = linkSignals([a.signal, b.signal])
    expect(signal.aborted).toBe(false)
    b.abort('b went first')
    a.abort('a second')
    expect(signal.aborted).toBe(true)
    expect(signal.reason).toBe('b went first')
  })

  test('is aborted at once when a source already is', () => {
    const { signal } = linkSignals([new AbortController().signal, AbortSignal.abort('early')])
    expect(signal.reason).toBe('early')
  })

  test('dispose leaves no listener on a long-lived source', () => {
    const lifecycle = new AbortController()
    const count = listenerCount(lifecycle.signal)
    for (let i = 0; i < 1_000; i++) linkSignals([lifecycle.signal]).dispose()
    expect(count()).toBe(0)
    const live = linkSignals([lifecycle.signal])
    expect(count()).toBe(1)
    lifecycle.abort()
    expect(live.signal.aborted).toBe(true)
    expect(count()).toBe(0)
  })
})
