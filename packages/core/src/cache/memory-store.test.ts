import { describe, expect, test } from 'vitest'
import { MemoryStore } from './memory-store.js'
import { createTestClock } from './test-helpers/test-clock.js'

describe('MemoryStore', () => {
  test('keeps a frozen copy until expiresAt, then forgets it', async () => {
    const clock = createTestClock(1_000)
    const store = new MemoryStore({ now: clock.now })
    const value = { accessToken: 'A', expiresAt: 5_000 }
    await store.set('k', value, { expiresAt: 2_000 })
    value.accessToken = 'changed'
    const read = await store.get('k')
    expect(read).toEqual({ accessToken: 'A', expiresAt: 5_000 })
    expect(Object.isFrozen(read)).toBe(true)
    clock.set(2_000)
    expect(await store.get('k')).toBeUndefined()
  })

  test('deletes, and deleting a missing key is fine', async () => {
    const store = new MemoryStore()
    await store.set(
      'k',
      { accessToken: 'A', expiresAt: Date.now() + 60_000 },
      { expiresAt: Date.now() + 60_000 },
    )
    await store.delete('k')
    await store.delete('k')
    expect(await store.get('k')).toBeUndefined()
  })
})
