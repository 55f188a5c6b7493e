import { createSeededRandom, deriveSeed, type SeededRandom } from './seeded-random.js'

/**
 * A seeded random source created on first use, so that building an emulator at a Worker's
 * global scope draws no random seed there (Workers forbid random values at global scope).
 *
 * @param seed - resolves the emulator's seed, at first use
 * @param stream - which independent stream of that seed
 * @returns a random source
 */
export function createLazyRandom(seed: () => number, stream: number): SeededRandom {
  let inner: SeededRandom | undefined
  const get = (): SeededRandom => {
    inner ??= createSeededRandom(deriveSeed(seed(), stream))
    return inner
  }
  return {
    next: () => get().next(),
    string: (length, alphabet) => get().string(length, alphabet),
    reset: () => inner?.reset(),
  }
}
