import { excludes, show } from './assert.ts'

/**
 * Everything a caller could print or ship about an error, labelled: its string form, message,
 * stack, `JSON.stringify`, every own property (enumerable or not), and the same down its `cause`
 * chain. (`util.inspect` is Node-only; the packages' own suites cover it.)
 *
 * @param error - what was thrown
 * @returns `[where, text]` pairs to scan
 */
export function errorTexts(error: unknown): [string, string][] {
  const texts: [string, string][] = []
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const at = depth === 0 ? 'error' : `error${'.cause'.repeat(depth)}`
    texts.push([`String(${at})`, String(current)])
    try {
      texts.push([`JSON.stringify(${at})`, JSON.stringify(current) ?? ''])
    } catch {
      // A circular structure cannot leak through JSON.stringify.
    }
    for (const name of Object.getOwnPropertyNames(current)) {
      texts.push([`${at}.${name}`, show(Reflect.get(current, name))])
    }
    current = Reflect.get(current, 'cause')
  }
  return texts
}

/**
 * Fails if any text about `error` contains one of `secrets`; the failure names where, never
 * the secret.
 *
 * @param error - what was thrown
 * @param secrets - values that must never appear
 */
export function assertNoSecrets(error: unknown, secrets: readonly string[]): void {
  for (const [where, text] of errorTexts(error)) {
    for (const secret of secrets) excludes(text, secret, where)
  }
}
