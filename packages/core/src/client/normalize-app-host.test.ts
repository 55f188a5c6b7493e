import { describe, expect, test } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { isLoopbackHost, normalizeAppHost } from './normalize-app-host.js'

describe('normalizeAppHost', () => {
  test.each([
    ['example.authing.cn', 'https://example.authing.cn'],
    ['https://example.authing.cn///', 'https://example.authing.cn'],
    ['https://example.authing.cn/sub/', 'https://example.authing.cn/sub'],
    ['https://example.authing.cn/a/b//', 'https://example.authing.cn/a/b'],
    ['HTTPS://Example.Authing.CN', 'https://example.authing.cn'],
    ['https://example.authing.cn:443/', 'https://example.authing.cn'],
    ['example.genauth.ai:8443', 'https://example.genauth.ai:8443'],
    ['\texample.authing.cn\n', 'https://example.authing.cn'],
  ])('normalises %j to %s', (input, expected) => {
    expect(normalizeAppHost(input)).toBe(expected)
  })

  test.each([
    [''],
    ['https://'],
    ['http:example.authing.cn'],
    ['mailto://x'],
    ['https://example.authing.cn#frag'],
    ['https://example.authing.cn?'],
  ])('refuses %j with a ConfigError on appHost', (input) => {
    expect(() => normalizeAppHost(input)).toThrow(ConfigError)
    try {
      normalizeAppHost(input)
    } catch (error) {
      expect((error as ConfigError).option).toBe('appHost')
    }
  })
})

describe('isLoopbackHost', () => {
  test.each([
    ['http://localhost', true],
    ['http://127.0.0.1:1', true],
    ['http://[::1]', true],
    ['http://localhost.example.com', false],
    ['http://128.0.0.1', false],
    ['http://[::2]', false],
  ])('%s is loopback: %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected)
  })
})
