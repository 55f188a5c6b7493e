import { inspect } from 'node:util'
import type {
  Logger,
  StoredToken,
  TokenStore,
  WechatAccessTokenCacheEvent,
} from '@authing-edge/core'

/** A logger that keeps every line as text: message plus fields, as JSON and as inspected. */
export interface CapturingLogger extends Required<Logger> {
  readonly lines: string[]
}

/** @returns a logger that records what it is given */
export function capturingLogger(): CapturingLogger {
  const lines: string[] = []
  const record =
    (level: string) =>
    (message: string, fields?: Readonly<Record<string, unknown>>): void => {
      lines.push(`${level} ${message} ${JSON.stringify(fields)} ${inspect(fields, { depth: 8 })}`)
    }
  return {
    lines,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  }
}

/** A store that records every key and value, and can be told to fail. */
export interface RecordingStore extends TokenStore {
  /** Every key passed to get, set or delete, and every value written, as text. */
  readonly seen: string[]
  /** Make every operation throw this (or stop failing with `undefined`). */
  failWith: Error | undefined
}

/** @returns a Map-backed store that records keys and values */
export function recordingStore(): RecordingStore {
  const values = new Map<string, StoredToken>()
  const store: RecordingStore = {
    seen: [],
    failWith: undefined,
    async get(key) {
      store.seen.push(`get ${key}`)
      if (store.failWith) throw store.failWith
      return values.get(key)
    },
    async set(key, value, options) {
      store.seen.push(`set ${key} ${JSON.stringify(value)} ${JSON.stringify(options)}`)
      if (store.failWith) throw store.failWith
      values.set(key, value)
    },
    async delete(key) {
      store.seen.push(`delete ${key}`)
      if (store.failWith) throw store.failWith
      values.delete(key)
    },
  }
  return store
}

/**
 * Records cache events as text (JSON and inspected) and their types.
 *
 * @returns the records and the `onEvent` listener that fills them
 */
export function eventRecorder(): {
  readonly lines: string[]
  readonly types: string[]
  readonly onEvent: (event: WechatAccessTokenCacheEvent) => void
} {
  const lines: string[] = []
  const types: string[] = []
  return {
    lines,
    types,
    onEvent: (event) => {
      types.push(event.type)
      lines.push(`${JSON.stringify(event)} ${inspect(event, { depth: 8, showHidden: true })}`)
    },
  }
}
