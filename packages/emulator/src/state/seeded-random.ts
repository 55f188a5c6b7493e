/** A deterministic random source: the same seed gives the same sequence everywhere. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number
  /** `length` characters drawn from `alphabet`. */
  string(length: number, alphabet?: string): string
  /** Starts the sequence over from the seed. */
  reset(): void
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * Creates a mulberry32 generator (period 2^32, fine for tests and soak runs, not for crypto).
 *
 * @param seed - any number; only its low 32 bits are used
 * @returns a seeded random source
 */
export function createSeededRandom(seed: number): SeededRandom {
  const initial = seed >>> 0
  let state = initial
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    next,
    string(length, alphabet = ALPHANUMERIC) {
      let out = ''
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)]
      return out
    },
    reset() {
      state = initial
    },
  }
}

/**
 * Derives an independent seed for one purpose, so that drawing ids does not shift the
 * sequence of fault decisions.
 *
 * @param seed - the emulator's seed
 * @param stream - a small stream number
 * @returns a 32-bit seed
 */
export function deriveSeed(seed: number, stream: number): number {
  return createSeededRandom((seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0).next() * 4_294_967_296
}
