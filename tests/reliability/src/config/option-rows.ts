import { isConfigError } from '@authing-edge/core'
import { expect } from 'vitest'

/**
 * Runs a constructor call and hands back what it threw, or what it returned: the rows' tests
 * check either.
 *
 * @param make - the call, e.g. `() => new AuthenticationClient(options)`
 * @returns the thrown error, or the result
 */
export function outcomeOf(make: () => unknown): unknown {
  try {
    return make()
  } catch (error) {
    return error
  }
}

/** Marks bad values so a test can check the message never quotes them. */
export const MARK = 'Zq9mark'

/** One bad option: what to put where, and which option the error must name. */
export interface Row {
  readonly option: string
  readonly label: string
  readonly patch: Readonly<Record<string, unknown>>
  /** Keys to delete from the base options. */
  readonly remove?: readonly string[]
}

/**
 * @param option - the option the error must name
 * @param label - how the test title describes the bad value
 * @param patch - what to merge over the base options
 * @returns the row
 */
export const row = (option: string, label: string, patch: Record<string, unknown>): Row => ({
  option,
  label,
  patch,
})

/**
 * @param option - a required option to leave out
 * @returns the row
 */
export const missing = (option: string): Row => ({
  option,
  label: 'missing',
  patch: {},
  remove: [option],
})

/**
 * The options a row describes: the base options, patched, with the row's keys removed.
 *
 * @param base - options that construct on their own
 * @param r - the row
 * @returns fresh options
 */
export function build(base: Readonly<Record<string, unknown>>, r: Row): Record<string, unknown> {
  const options: Record<string, unknown> = { ...base, ...r.patch }
  for (const key of r.remove ?? []) delete options[key]
  return options
}

/**
 * Asserts that constructing with a row's options failed with a `ConfigError` naming the
 * option, whose message never quotes the bad value.
 *
 * @param error - what construction threw (or returned)
 * @param r - the row
 */
export function expectConfigErrorFor(error: unknown, r: Row): void {
  expect(isConfigError(error)).toBe(true)
  expect(error).toMatchObject({ name: 'ConfigError', option: r.option })
  const message = error instanceof Error ? error.message : ''
  expect(message).toContain(`Invalid option ${r.option}:`)
  expect(message).not.toContain(MARK)
}
