// Drives the emulator (running in Node, see global-setup.ts) from inside workerd through its
// control API under /__emulator. Every answer is validated before use.
import { env } from 'cloudflare:workers'
import * as v from 'valibot'

const UPSTREAM_ENDPOINT = 'get-wechat-access-token-info'

const CountsSchema = v.object({ [UPSTREAM_ENDPOINT]: v.number() })
const RequestsSchema = v.object({
  requests: v.array(
    v.object({
      endpoint: v.string(),
      requestId: v.string(),
      outcome: v.object({ result: v.string(), status: v.number() }),
    }),
  ),
})

function emulatorUrl(path: string): string {
  const host = env.AUTHING_APP_HOST
  if (host === undefined) throw new Error('AUTHING_APP_HOST is not bound in the tests')
  return `${host}/__emulator${path}`
}

async function control(method: string, path: string, body?: unknown): Promise<unknown> {
  const init: RequestInit =
    body === undefined
      ? { method }
      : { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
  const response = await fetch(emulatorUrl(path), init)
  const text = await response.text()
  if (!response.ok) throw new Error(`emulator ${method} ${path}: ${response.status} ${text}`)
  return JSON.parse(text)
}

/** Forgets tokens, faults, counts and settings changes. */
export async function resetEmulator(): Promise<void> {
  await control('POST', '/reset')
}

/** How many token requests reached the emulator since the last reset. */
export async function upstreamCalls(): Promise<number> {
  return v.parse(CountsSchema, await control('GET', '/counts'))[UPSTREAM_ENDPOINT]
}

/** The token requests the emulator received, oldest first, with their request ids. */
export async function upstreamRequests(): Promise<
  v.InferOutput<typeof RequestsSchema>['requests']
> {
  const { requests } = v.parse(RequestsSchema, await control('GET', '/requests'))
  return requests.filter((request) => request.endpoint === UPSTREAM_ENDPOINT)
}

/** Replaces the active fault rules (see the emulator's FaultRule). */
export async function setFaults(rules: unknown): Promise<void> {
  await control('PUT', '/faults', rules)
}

/** Changes emulator settings, e.g. `{ tokenLifetimeSeconds: 120 }` or extra `apps`. */
export async function patchSettings(patch: Record<string, unknown>): Promise<void> {
  await control('PATCH', '/settings', patch)
}

/** Invalidates every token the emulator issued, as WeChat does when a token is revoked. */
export async function revokeUpstreamTokens(): Promise<void> {
  await control('DELETE', '/tokens')
}

const TokensSchema = v.object({
  tokens: v.array(
    v.object({ wechatAppId: v.string(), accessToken: v.string(), expiresAt: v.number() }),
  ),
})

/** The tokens the emulator currently holds, `expiresAt` in epoch seconds as it issued them. */
export async function upstreamTokens(): Promise<v.InferOutput<typeof TokensSchema>['tokens']> {
  return v.parse(TokensSchema, await control('GET', '/tokens')).tokens
}
