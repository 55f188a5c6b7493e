import { afterEach, describe, expect, test, vi } from 'vitest'
import { type Deprecation, silenceDeprecationWarnings, warnDeprecatedOnce } from './deprecation.js'

const REGISTRY_KEY = Symbol.for('authing-edge.legacy.deprecations')
const OLD_THING: Deprecation = {
  code: 'TEST_DEP001',
  name: 'oldThing',
  replacement: 'newThing',
  message: 'oldThing is deprecated: use newThing instead.',
}
const OTHER_THING: Deprecation = { ...OLD_THING, code: 'TEST_DEP002', name: 'otherThing' }

/** A stand-in for Node's `process` that records what it is asked to emit. */
function fakeProcess(noDeprecation?: boolean) {
  const emitted: unknown[][] = []
  return {
    emitted,
    noDeprecation,
    emitWarning(...args: unknown[]) {
      emitted.push(args)
    },
  }
}

/** A stand-in for `console` that records its warnings. */
function fakeConsole() {
  const warned: unknown[][] = []
  return {
    warned,
    warn(...args: unknown[]) {
      warned.push(args)
    },
  }
}

afterEach(() => {
  Reflect.deleteProperty(globalThis, REGISTRY_KEY)
})

describe('warnDeprecatedOnce', () => {
  test('emits a DeprecationWarning with its code through process.emitWarning, once', () => {
    const process = fakeProcess()
    const scope = { process, console: fakeConsole() }
    const results = Array.from({ length: 5 }, () => warnDeprecatedOnce(OLD_THING, {}, scope))
    expect(results).toEqual([true, false, false, false, false])
    expect(process.emitted).toEqual([
      [OLD_THING.message, { type: 'DeprecationWarning', code: 'TEST_DEP001' }],
    ])
    expect(scope.console.warned).toEqual([])
  })

  test('writes to the logger instead when it has a warn method', () => {
    const scope = { process: fakeProcess() }
    const warn = vi.fn()
    warnDeprecatedOnce(OLD_THING, { logger: { warn } }, scope)
    warnDeprecatedOnce(OLD_THING, { logger: { warn } }, scope)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledWith(OLD_THING.message, {
      code: 'TEST_DEP001',
      deprecated: 'oldThing',
      replacement: 'newThing',
    })
    expect(scope.process.emitted).toEqual([])
  })

  test('falls back to process.emitWarning when the logger has no warn method', () => {
    const scope = { process: fakeProcess() }
    const debug = vi.fn()
    warnDeprecatedOnce(OLD_THING, { logger: { debug } }, scope)
    expect(scope.process.emitted).toHaveLength(1)
    expect(debug).not.toHaveBeenCalled()
  })

  test('falls back to console.warn where there is no process, as on Workers and in browsers', () => {
    const scope = { console: fakeConsole() }
    warnDeprecatedOnce(OLD_THING, {}, scope)
    warnDeprecatedOnce(OLD_THING, {}, scope)
    expect(scope.console.warned).toEqual([[`DeprecationWarning: ${OLD_THING.message}`]])
  })

  test('falls back to console.warn when process has no emitWarning', () => {
    const scope = { process: {}, console: fakeConsole() }
    expect(warnDeprecatedOnce(OLD_THING, {}, scope)).toBe(true)
    expect(scope.console.warned).toHaveLength(1)
  })

  test('looks up the global process at call time, not when the module was loaded', () => {
    const process = fakeProcess()
    // Synchronous between stub and restore, so nothing else ever sees the stand-in.
    vi.stubGlobal('process', process)
    try {
      warnDeprecatedOnce(OLD_THING)
    } finally {
      vi.unstubAllGlobals()
    }
    expect(process.emitted).toEqual([
      [OLD_THING.message, { type: 'DeprecationWarning', code: 'TEST_DEP001' }],
    ])
  })

  test('uses the global console.warn when the global process is gone', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    vi.stubGlobal('process', undefined)
    let calls: unknown[][]
    try {
      warnDeprecatedOnce(OLD_THING)
    } finally {
      vi.unstubAllGlobals()
      calls = [...warn.mock.calls]
      warn.mockRestore()
    }
    expect(calls).toEqual([[`DeprecationWarning: ${OLD_THING.message}`]])
  })

  test('warns once per code: another deprecated API still gets its own warning', () => {
    const scope = { process: fakeProcess() }
    warnDeprecatedOnce(OLD_THING, {}, scope)
    warnDeprecatedOnce(OTHER_THING, {}, scope)
    warnDeprecatedOnce(OTHER_THING, {}, scope)
    expect(scope.process.emitted.map(([, options]) => options)).toEqual([
      { type: 'DeprecationWarning', code: 'TEST_DEP001' },
      { type: 'DeprecationWarning', code: 'TEST_DEP002' },
    ])
  })

  test('stays silent under process.noDeprecation and records nothing', () => {
    const process = fakeProcess(true)
    const scope = { process }
    expect(warnDeprecatedOnce(OLD_THING, {}, scope)).toBe(false)
    expect(process.emitted).toEqual([])
    process.noDeprecation = false
    expect(warnDeprecatedOnce(OLD_THING, {}, scope)).toBe(true)
  })

  test('stays silent under process.noDeprecation even when a logger is set', () => {
    const warn = vi.fn()
    warnDeprecatedOnce(OLD_THING, { logger: { warn } }, { process: fakeProcess(true) })
    expect(warn).not.toHaveBeenCalled()
  })

  test('stays silent for a silenced caller without using up the warning', () => {
    const scope = { process: fakeProcess() }
    expect(warnDeprecatedOnce(OLD_THING, { silenced: true }, scope)).toBe(false)
    expect(scope.process.emitted).toEqual([])
    expect(warnDeprecatedOnce(OLD_THING, {}, scope)).toBe(true)
    expect(scope.process.emitted).toHaveLength(1)
  })

  test('does not warn again after a logger threw on the first warning', () => {
    const warn = vi.fn(() => {
      throw new Error('logger is broken')
    })
    const scope = { process: fakeProcess() }
    expect(() => warnDeprecatedOnce(OLD_THING, { logger: { warn } }, scope)).toThrow(
      'logger is broken',
    )
    expect(warnDeprecatedOnce(OLD_THING, { logger: { warn } }, scope)).toBe(false)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(scope.process.emitted).toEqual([])
  })

  test('keeps its record on the global object under Symbol.for, out of enumeration', () => {
    const scope = { process: fakeProcess() }
    warnDeprecatedOnce(OLD_THING, {}, scope)
    expect(Object.keys(scope)).toEqual(['process'])
    expect(Reflect.get(scope, REGISTRY_KEY)).toMatchObject({ warned: new Set(['TEST_DEP001']) })
  })
})

describe('duplicate copies of the module', () => {
  async function freshCopy(): Promise<typeof import('./deprecation.js')> {
    vi.resetModules()
    return import('./deprecation.js')
  }

  test('warn once between them', async () => {
    const first = await freshCopy()
    const second = await freshCopy()
    expect(first.warnDeprecatedOnce).not.toBe(second.warnDeprecatedOnce)
    const scope = { process: fakeProcess() }
    expect(first.warnDeprecatedOnce(OLD_THING, {}, scope)).toBe(true)
    expect(second.warnDeprecatedOnce(OLD_THING, {}, scope)).toBe(false)
    expect(scope.process.emitted).toHaveLength(1)
  })

  test('are all silenced by silenceDeprecationWarnings from any one of them', async () => {
    const first = await freshCopy()
    const second = await freshCopy()
    const warn = vi.fn()
    first.silenceDeprecationWarnings()
    expect(second.warnDeprecatedOnce(OLD_THING, { logger: { warn } })).toBe(false)
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('silenceDeprecationWarnings', () => {
  test('silences every later warning in the process, whichever channel it would use', () => {
    const warn = vi.fn()
    silenceDeprecationWarnings()
    expect(warnDeprecatedOnce(OLD_THING, { logger: { warn } })).toBe(false)
    expect(warnDeprecatedOnce(OTHER_THING, { logger: { warn } })).toBe(false)
    expect(warn).not.toHaveBeenCalled()
  })
})
