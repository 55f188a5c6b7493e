import * as v from 'valibot'
import type { CountingServer } from '../loopback/counting-server.ts'
import type { Contender } from './interleaved-runner.ts'

/** A call's result that carries an access token in `data.accessToken`. */
export const ResultWithTokenSchema = v.object({ data: v.object({ accessToken: v.string() }) })

/**
 * Makes sure a contender really does the work before it is timed: one call must reach the
 * server exactly once and hand back the server's access token in `data.accessToken`.
 *
 * @param contender - the contender to check
 * @param server - the server it calls
 * @param expectedToken - the token the server hands out
 * @throws Error naming the contender (never the token) when the call misbehaves
 */
export async function verifyContender(
  contender: Contender,
  server: CountingServer,
  expectedToken: string,
): Promise<void> {
  const before = await server.hits()
  const result = await contender.call()
  const reached = (await server.hits()) - before
  if (reached !== 1) {
    throw new Error(`${contender.name}: one call reached the server ${reached} times, expected 1`)
  }
  const parsed = v.safeParse(ResultWithTokenSchema, result)
  if (!parsed.success || parsed.output.data.accessToken !== expectedToken) {
    throw new Error(`${contender.name}: the result does not carry the server's access token`)
  }
}
