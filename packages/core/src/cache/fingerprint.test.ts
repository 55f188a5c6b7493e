import { describe, expect, test } from 'vitest'
import { tokenFingerprint } from './fingerprint.js'

describe('tokenFingerprint', () => {
  test('is 8 hex digits, the same for the same token and different for another', () => {
    const token = `T-${'x'.repeat(150)}`
    expect(tokenFingerprint(token)).toMatch(/^[0-9a-f]{8}$/)
    expect(tokenFingerprint(token)).toBe(tokenFingerprint(`T-${'x'.repeat(150)}`))
    expect(tokenFingerprint(token)).not.toBe(tokenFingerprint(`T-${'x'.repeat(149)}y`))
  })

  test('matches the FNV-1a reference values', () => {
    expect(tokenFingerprint('')).toBe('811c9dc5')
    expect(tokenFingerprint('a')).toBe('e40c292c')
    expect(tokenFingerprint('foobar')).toBe('bf9cf968')
  })
})
