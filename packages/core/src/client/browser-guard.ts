/**
 * Whether the code runs where its requests, and the WeChat appSecret in them, are visible to the
 * person in front of the screen: a page (`window` and `document`) or a browser worker
 * (`importScripts`). Cloudflare Workers have `navigator` but neither; Deno 2, Bun and Node have
 * none of them. Globals are read at call time, never at module load.
 *
 * @returns true in a browser page or browser worker
 */
export function isBrowserLike(): boolean {
  const g = globalThis as {
    window?: unknown
    document?: unknown
    importScripts?: unknown
    Deno?: unknown
  }
  return (
    (typeof g.window === 'object' &&
      g.window !== null &&
      typeof g.document === 'object' &&
      g.document !== null) ||
    (typeof g.importScripts === 'function' && g.Deno === undefined)
  )
}
