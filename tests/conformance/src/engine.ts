// Which engine is actually executing the suite, found from its globals. The matrix compares it
// with the runtime it meant to start, so a misconfigured leg cannot pass by running in Node.

interface EngineGlobals {
  readonly Deno?: { readonly version?: { readonly deno?: string } }
  readonly Bun?: { readonly version?: string }
  readonly process?: { readonly versions?: { readonly node?: string } }
  readonly navigator?: { readonly userAgent?: string }
  readonly document?: unknown
}

/**
 * Names the engine running this code, with its version where it tells.
 *
 * @returns e.g. `node 22.23.3`, `deno 2.9.6`, `bun 1.4.5`, `workerd`, `chromium 156.0.0.0`
 */
export function detectEngine(): string {
  const g: EngineGlobals = globalThis
  // Order matters: Deno and Bun both also expose process.versions.node.
  const deno = g.Deno?.version?.deno
  if (deno !== undefined) return `deno ${deno}`
  const bun = g.Bun?.version
  if (bun !== undefined) return `bun ${bun}`
  const userAgent = g.navigator?.userAgent ?? ''
  if (userAgent === 'Cloudflare-Workers') return 'workerd'
  const chrome = /(?:HeadlessChrome|Chrome)\/([\d.]+)/.exec(userAgent)
  if (chrome && g.document !== undefined) return `chromium ${chrome[1]}`
  const node = g.process?.versions?.node
  if (node !== undefined) return `node ${node}`
  return `unknown (${userAgent || 'no user agent'})`
}

/**
 * The engine each matrix label must run on.
 *
 * @param runtime - the matrix label
 * @returns a pattern the detected engine must match
 */
export function expectedEngine(runtime: string): RegExp {
  switch (runtime) {
    case 'node22':
      return /^node 22\./
    case 'node24':
      return /^node 24\./
    case 'deno':
      return /^deno 2\./
    case 'bun':
      return /^bun \d/
    case 'workerd':
    case 'workerd-bare':
      return /^workerd$/
    case 'chromium':
      return /^chromium \d/
    default:
      return /^(?!)/
  }
}
