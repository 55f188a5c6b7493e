import { setTimeout as delay } from 'node:timers/promises'
import * as v from 'valibot'
import { TokenBodySchema } from '../test/token-body.ts'

/** A token as the Worker hands it out (`GET /v1/wechat/access-token`). */
export type TokenResponse = v.InferOutput<typeof TokenBodySchema>

const ErrorResponseSchema = v.object({
  error: v.object({ code: v.string(), message: v.string() }),
})

/**
 * Polls `GET {url}/healthz` until it answers 200.
 *
 * @param url - the Worker's origin
 * @param signal - stops waiting early
 * @param timeoutMs - how long to keep trying
 * @default timeoutMs 30000
 */
export async function waitForHealthy(
  url: string,
  signal: AbortSignal,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    signal.throwIfAborted()
    try {
      const response = await fetch(`${url}/healthz`, { signal })
      await response.body?.cancel()
      if (response.ok) return
    } catch (error) {
      if (signal.aborted) throw error
    }
    if (Date.now() > deadline)
      throw new Error(`${url}/healthz did not answer 200 in ${timeoutMs} ms`)
    await delay(200, undefined, { signal })
  }
}

/**
 * Fetches a token through the Worker with the broker token, and validates the answer.
 *
 * @param endpoint - the Worker's `/v1/wechat/access-token` URL
 * @param brokerToken - the Worker's `BROKER_TOKEN`
 * @param signal - aborts the request
 * @returns the token and its expiry (epoch milliseconds)
 */
export async function fetchTokenThroughWorker(
  endpoint: string,
  brokerToken: string,
  signal: AbortSignal,
): Promise<TokenResponse> {
  const response = await fetch(endpoint, {
    headers: { authorization: `Bearer ${brokerToken}` },
    signal,
  })
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) {
    const parsed = v.safeParse(ErrorResponseSchema, body)
    const detail = parsed.success
      ? `${parsed.output.error.code}: ${parsed.output.error.message}`
      : ''
    throw new Error(`GET ${endpoint} answered ${response.status} ${detail}`.trim())
  }
  const parsed = v.safeParse(TokenBodySchema, body)
  if (!parsed.success) {
    // Field paths only: an issue's message may quote the value, which may be a token.
    const fields = parsed.issues.map((issue) => v.getDotPath(issue) ?? '(body)').join(', ')
    throw new Error(`GET ${endpoint} answered 200 with an unexpected body (check: ${fields})`)
  }
  return parsed.output
}
