/** Options of {@link FakeKVNamespace}. */
export interface FakeKVOptions {
  /** The clock, epoch ms. */
  readonly now: () => number
  /** How long a location keeps serving a value it has read (KV's edge cache), in ms. @default 60_000 */
  readonly propagationMs?: number
}

interface KVRecord {
  readonly value: string
  /** Epoch seconds, as KV keeps it; `undefined` never expires. */
  readonly expiration: number | undefined
}

interface CachedRead {
  readonly record: KVRecord | null
  readonly readAt: number
}

type GetType = 'text' | 'json' | 'arrayBuffer' | 'stream'
type GetOptions = { readonly type?: GetType; readonly cacheTtl?: number }

/**
 * A structural fake of a Workers KV namespace that behaves like the real one where the token
 * cache cares: values are strings with an absolute expiry in seconds; `expirationTtl` and
 * `expiration` below 60 s are refused with KV's own messages; `get` answers `null`, text or
 * JSON (`'text'` / `'json'`, as a string or `{ type }`); and it is eventually consistent. Each
 * location (see {@link FakeKVNamespace.at}) keeps serving what it last read for
 * `propagationMs`, while its own writes are visible to itself at once, as on Cloudflare.
 */
export class FakeKVNamespace {
  readonly #central = new Map<string, KVRecord>()
  readonly #locations = new Map<string, FakeKVLocation>()
  readonly #now: () => number
  readonly #propagationMs: number

  /** @param options - clock and propagation delay */
  constructor(options: FakeKVOptions) {
    this.#now = options.now
    this.#propagationMs = options.propagationMs ?? 60_000
  }

  /**
   * @param name - a location, e.g. `'fra'`
   * @returns the namespace as seen from that location (one object per name)
   */
  at(name: string): FakeKVLocation {
    let location = this.#locations.get(name)
    if (location === undefined) {
      location = new FakeKVLocation(this.#central, this.#now, this.#propagationMs)
      this.#locations.set(name, location)
    }
    return location
  }

  /**
   * @param key - a key
   * @returns the value and expiry as KV holds them centrally (for assertions)
   */
  peek(key: string): { value: string; expiration: number | undefined } | undefined {
    const record = this.#central.get(key)
    return record === undefined ? undefined : { ...record }
  }
}

/** The namespace as one location sees it; pass this where a `KVNamespace` is expected. */
export class FakeKVLocation {
  readonly #central: Map<string, KVRecord>
  readonly #cache = new Map<string, CachedRead>()
  readonly #now: () => number
  readonly #propagationMs: number
  /** Every call made, for assertions: `['put', key, options]`, `['get', key, type]`, `['delete', key]`. */
  readonly calls: unknown[][] = []

  /** Use {@link FakeKVNamespace.at}. */
  constructor(central: Map<string, KVRecord>, now: () => number, propagationMs: number) {
    this.#central = central
    this.#now = now
    this.#propagationMs = propagationMs
  }

  /** Reads text (the default) or parsed JSON; `null` when absent or expired. */
  get(key: string, type?: 'text' | { type?: 'text'; cacheTtl?: number }): Promise<string | null>
  get(key: string, type: 'json' | { type: 'json'; cacheTtl?: number }): Promise<unknown>
  async get(key: string, typeOrOptions?: GetType | GetOptions): Promise<unknown> {
    const type = typeof typeOrOptions === 'string' ? typeOrOptions : (typeOrOptions?.type ?? 'text')
    const cacheTtl = typeof typeOrOptions === 'object' ? typeOrOptions.cacheTtl : undefined
    this.calls.push(['get', key, type])
    if (cacheTtl !== undefined && !(cacheTtl >= 30)) {
      throw new Error(
        `KV GET failed: 400 Invalid cache_ttl of ${cacheTtl}. Cache TTL must be at least 30.`,
      )
    }
    if (type !== 'text' && type !== 'json')
      throw new Error(`FakeKVNamespace: type ${type} is not faked`)
    const now = this.#now()
    let read = this.#cache.get(key)
    if (read === undefined || now - read.readAt >= this.#propagationMs) {
      read = { record: this.#central.get(key) ?? null, readAt: now }
      this.#cache.set(key, read)
    }
    const record = read.record
    if (record === null || (record.expiration !== undefined && record.expiration * 1000 <= now)) {
      return null
    }
    return type === 'json' ? JSON.parse(record.value) : record.value
  }

  /** Writes a string; `expirationTtl` (seconds, at least 60) wins over `expiration` (epoch seconds). */
  async put(
    key: string,
    value: string,
    options: { expiration?: number; expirationTtl?: number } = {},
  ): Promise<void> {
    this.calls.push(['put', key, options])
    if (typeof value !== 'string') throw new Error('FakeKVNamespace: only string values are faked')
    const nowSeconds = Math.floor(this.#now() / 1000)
    let expiration: number | undefined
    if (options.expirationTtl !== undefined) {
      const ttl = Math.trunc(options.expirationTtl)
      if (!(ttl > 0)) {
        throw new Error(
          `KV PUT failed: 400 Invalid expiration_ttl of ${options.expirationTtl}. Please specify integer greater than 0.`,
        )
      }
      if (ttl < 60) {
        throw new Error(
          `KV PUT failed: 400 Invalid expiration_ttl of ${options.expirationTtl}. Expiration TTL must be at least 60.`,
        )
      }
      expiration = nowSeconds + ttl
    } else if (options.expiration !== undefined) {
      expiration = Math.trunc(options.expiration)
      if (!(expiration > nowSeconds)) {
        throw new Error(
          `KV PUT failed: 400 Invalid expiration of ${options.expiration}. Please specify integer greater than the current number of seconds since the UNIX epoch.`,
        )
      }
      if (expiration < nowSeconds + 60) {
        throw new Error(
          `KV PUT failed: 400 Invalid expiration of ${options.expiration}. Expiration times must be at least 60 seconds in the future.`,
        )
      }
    }
    const record = { value, expiration }
    this.#central.set(key, record)
    this.#cache.set(key, { record, readAt: this.#now() })
  }

  /** Deletes; visible here at once, elsewhere after `propagationMs`. */
  async delete(key: string): Promise<void> {
    this.calls.push(['delete', key])
    this.#central.delete(key)
    this.#cache.set(key, { record: null, readAt: this.#now() })
  }
}
