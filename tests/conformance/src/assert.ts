// A tiny assertion helper for the conformance cases. It cannot use `node:assert` or vitest's
// `expect`: the same cases run as plain scripts on Deno and Bun, inside workerd and in Chromium.

/** A failed conformance assertion. */
export class AssertionError extends Error {
  override name = 'AssertionError' as const
}

/**
 * Renders a value for a failure message: JSON where possible, else its string form.
 *
 * @param value - anything
 * @returns a short, printable description
 */
export function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (value instanceof Error) return `${value.name}: ${value.message}`
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/**
 * Fails unless `value` is truthy.
 *
 * @param value - the condition
 * @param what - what was expected, in words
 */
export function ok(value: unknown, what: string): asserts value {
  if (!value) throw new AssertionError(`expected ${what}`)
}

/**
 * Fails unless `actual` is `expected` (`Object.is`).
 *
 * @param actual - the observed value
 * @param expected - the wanted value
 * @param what - the quantity being checked, e.g. `upstream request count`
 */
export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new AssertionError(`${what}: expected ${show(expected)}, got ${show(actual)}`)
  }
}

/**
 * Fails if `haystack` contains `needle`: used to prove a secret is absent.
 *
 * @param haystack - the text to scan
 * @param needle - what must not be in it
 * @param what - where the text came from, e.g. `JSON.stringify(error)`
 */
export function excludes(haystack: string, needle: string, what: string): void {
  if (needle === '') throw new AssertionError(`${what}: cannot scan for an empty string`)
  if (haystack.includes(needle)) throw new AssertionError(`${what} contains a secret`)
}

/**
 * Awaits `promise` and fails unless it rejects with a value accepted by `guard`.
 *
 * @param promise - the operation expected to fail
 * @param guard - recognises the wanted error, e.g. `isTimeoutError`
 * @param what - the wanted outcome, in words
 * @returns the rejection value, narrowed by `guard`
 */
export async function rejects<E>(
  promise: Promise<unknown>,
  guard: (value: unknown) => value is E,
  what: string,
): Promise<E> {
  let result: unknown
  try {
    result = await promise
  } catch (error) {
    if (guard(error)) return error
    throw new AssertionError(`expected ${what}, got ${show(error)}`)
  }
  throw new AssertionError(`expected ${what}, but it resolved with ${show(result)}`)
}

/**
 * Runs `fn` and fails unless it throws a value accepted by `guard`.
 *
 * @param fn - the operation expected to throw synchronously
 * @param guard - recognises the wanted error
 * @param what - the wanted outcome, in words
 * @returns the thrown value, narrowed by `guard`
 */
export function throws<E>(
  fn: () => unknown,
  guard: (value: unknown) => value is E,
  what: string,
): E {
  let result: unknown
  try {
    result = fn()
  } catch (error) {
    if (guard(error)) return error
    throw new AssertionError(`expected ${what}, got ${show(error)}`)
  }
  throw new AssertionError(`expected ${what}, but it returned ${show(result)}`)
}
