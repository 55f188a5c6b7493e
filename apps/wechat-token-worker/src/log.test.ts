import { afterEach, describe, expect, test, vi } from 'vitest'
import { createLogger, parseLogLevel, writeLog } from './log.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('writeLog', () => {
  test('writes one JSON line through the console method of its level', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    writeLog('warn', 'stale token served', { expiresAt: 1 })
    expect(warn).toHaveBeenCalledOnce()
    expect(JSON.parse(String(warn.mock.calls[0]?.[0]))).toEqual({
      level: 'warn',
      message: 'stale token served',
      expiresAt: 1,
    })
  })

  test('redacts a secret that slipped into a field, also when JSON escaping changed it', () => {
    const info = vi.spyOn(console, 'info').mockImplementation(() => undefined)
    const secret = 'se"cret\\value'
    writeLog('info', 'oops', { note: `value=${secret}`, plain: 'x-secret-y' }, [secret, 'secret'])
    const line = String(info.mock.calls[0]?.[0])
    expect(line).not.toContain('cret')
    expect(JSON.parse(line)).toEqual({
      level: 'info',
      message: 'oops',
      note: 'value=[redacted]',
      plain: 'x-[redacted]-y',
    })
  })
})

describe('createLogger', () => {
  test('gives core a logger whose every level writes redacted JSON lines', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    createLogger(['app-secret-value']).error?.('failed', { detail: 'app-secret-value' })
    expect(JSON.parse(String(error.mock.calls[0]?.[0]))).toEqual({
      level: 'error',
      message: 'failed',
      detail: '[redacted]',
    })
  })
})

describe('log levels', () => {
  test('leave the methods below the level out, so core skips those events entirely', () => {
    expect(Object.keys(createLogger([], 'warn')).sort()).toEqual(['error', 'warn'])
    expect(Object.keys(createLogger()).sort()).toEqual(['error', 'info', 'warn'])
    expect(Object.keys(createLogger([], 'debug')).sort()).toEqual([
      'debug',
      'error',
      'info',
      'warn',
    ])
  })

  test('LOG_LEVEL falls back to info for anything it does not know', () => {
    expect(parseLogLevel('debug')).toBe('debug')
    expect(parseLogLevel('error')).toBe('error')
    expect(parseLogLevel(undefined)).toBe('info')
    expect(parseLogLevel('verbose')).toBe('info')
  })
})
