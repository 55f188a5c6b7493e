import { describe, expect, test } from 'vitest'
import { createEmulatorClock } from './emulator-clock.js'

describe('createEmulatorClock', () => {
  test('runs with its base time source until moved', () => {
    let base = 1_000
    const clock = createEmulatorClock(() => base)
    expect(clock.now()).toBe(1_000)
    base = 1_500
    expect(clock.now()).toBe(1_500)
    expect(clock.frozen).toBe(false)
  })

  test('advance adds an offset that keeps running with the base', () => {
    let base = 1_000
    const clock = createEmulatorClock(() => base)
    expect(clock.advance(7_200_000)).toBe(7_201_000)
    base = 2_000
    expect(clock.now()).toBe(7_202_000)
  })

  test('set moves a running clock to a given instant and lets it run from there', () => {
    let base = 1_000
    const clock = createEmulatorClock(() => base)
    clock.set(50_000)
    base = 1_010
    expect(clock.now()).toBe(50_010)
  })

  test('startAt freezes the clock: only advance and set move it', () => {
    let base = 1_000
    const clock = createEmulatorClock(() => base, 1_700_000_000_000)
    base = 9_999
    expect(clock.now()).toBe(1_700_000_000_000)
    expect(clock.frozen).toBe(true)
    clock.advance(1_000)
    expect(clock.now()).toBe(1_700_000_001_000)
    clock.set(5)
    expect(clock.now()).toBe(5)
  })

  test('freeze and unfreeze keep the time continuous', () => {
    let base = 1_000
    const clock = createEmulatorClock(() => base)
    clock.advance(100)
    expect(clock.freeze()).toBe(1_100)
    base = 5_000
    expect(clock.now()).toBe(1_100)
    clock.unfreeze()
    base = 5_010
    expect(clock.now()).toBe(1_110)
  })

  test('reset drops the offset and returns to startAt', () => {
    const running = createEmulatorClock(() => 1_000)
    running.advance(500)
    expect(running.reset()).toBe(1_000)
    const frozen = createEmulatorClock(() => 1_000, 42)
    frozen.advance(8)
    frozen.unfreeze()
    expect(frozen.reset()).toBe(42)
    expect(frozen.frozen).toBe(true)
  })

  test('rejects non-finite moves', () => {
    const clock = createEmulatorClock(() => 0)
    expect(() => clock.advance(Number.NaN)).toThrow(RangeError)
    expect(() => clock.set(Number.POSITIVE_INFINITY)).toThrow('clock.set needs a finite number')
  })
})
