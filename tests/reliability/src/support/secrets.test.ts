import { inspect } from 'node:util'
import { describe, expect, test } from 'vitest'
import { errorSurfaces, findLeaks, reachableStrings, SECRETS } from './secrets.ts'

const secret = SECRETS.wechatAppSecret

describe('findLeaks, the scanner every leak test relies on', () => {
  test.for([
    { form: 'as is', text: `x ${secret} y` },
    { form: 'JSON-escaped', text: `{"echo":${JSON.stringify(secret)}}` },
    { form: 'URI-encoded', text: `/cb?s=${encodeURIComponent(secret)}` },
    { form: 'base64', text: Buffer.from(secret).toString('base64') },
    { form: 'as util.inspect quotes it', text: inspect({ secret }) },
    { form: 'cut to its first 10 characters', text: `…${secret.slice(0, 10)}` },
    { form: 'as a middle fragment', text: `…${secret.slice(17, 29)}…` },
  ])('finds the secret $form', ({ text }) => {
    expect(findLeaks({ text })).toMatchObject([{ secret: 'wechatAppSecret', where: 'text' }])
  })

  test('ignores the redaction marker and fragments shorter than 10 characters', () => {
    const text = `[REDACTED] ${secret.slice(0, 9)} ${secret.slice(20, 29)}`
    expect(findLeaks({ text })).toEqual([])
  })
})

describe('errorSurfaces and reachableStrings', () => {
  test('reach a secret hidden in a non-enumerable property three causes deep', () => {
    const inner = new Error('inner')
    Object.defineProperty(inner, 'hidden', { value: { deep: [secret] }, enumerable: false })
    const error = new Error('outer', { cause: new Error('middle', { cause: inner }) })
    expect(JSON.stringify(error)).not.toContain(secret)
    expect(reachableStrings(error)).toContain(secret)
    expect(findLeaks(errorSurfaces(error, 'e')).map((leak) => leak.where)).toContain('e reachable')
  })

  test('include util.inspect with hidden properties', () => {
    const error = new Error('plain')
    Object.defineProperty(error, 'secret', { value: secret, enumerable: false })
    expect(findLeaks({ plain: inspect(error) })).toEqual([])
    const found = findLeaks({ 'e inspect': errorSurfaces(error, 'e')['e inspect'] ?? '' })
    expect(found).toMatchObject([{ secret: 'wechatAppSecret' }])
  })
})
