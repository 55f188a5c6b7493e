import { isAuthorized } from './auth.js'
import { type Broker, getBroker } from './broker.js'
import { readConfig } from './config.js'
import type { WorkerEnv } from './env.js'
import { errorToResponse } from './error-response.js'
import { createLogger, writeLog } from './log.js'
import { errorResponse } from './responses.js'

/** {@link authorizeRequest}'s answer: the broker to use, or the error response to send. */
export type AuthorizeResult =
  | { readonly ok: true; readonly broker: Broker }
  | { readonly ok: false; readonly response: Response }

/**
 * The checks every token route makes, in order: the configuration is complete (else a JSON 500
 * naming what is missing, never a value), the caller presents `Authorization: Bearer
 * <BROKER_TOKEN>` (else a 401 that says nothing about the token), and core accepts the
 * configuration (else a 500 naming the variable).
 *
 * @param request - the incoming request
 * @param env - the Worker's bindings
 * @returns the broker for this configuration, or the response to send
 * @example
 * ```ts
 * const authorized = await authorizeRequest(request, env)
 * if (!authorized.ok) return authorized.response
 * ```
 */
export async function authorizeRequest(request: Request, env: WorkerEnv): Promise<AuthorizeResult> {
  const result = readConfig(env)
  if (!result.ok) {
    const variables = result.problems.map((problem) => problem.variable)
    const missing = result.problems.some((problem) => problem.kind === 'missing')
    // Error lines are written at every LOG_LEVEL, and no secret is at hand to redact yet.
    writeLog('error', 'configuration incomplete', { variables })
    const detail = result.problems.map((problem) => problem.message).join('; ')
    return {
      ok: false,
      response: errorResponse(
        500,
        missing ? 'config_missing' : 'config_invalid',
        `The token broker is not configured: ${detail}`,
        { variables },
      ),
    }
  }
  const { config } = result
  if (!(await isAuthorized(request.headers, config.brokerToken))) {
    return {
      ok: false,
      response: errorResponse(
        401,
        'unauthorized',
        'Missing or invalid bearer token',
        {},
        {
          'www-authenticate': 'Bearer',
        },
      ),
    }
  }
  try {
    return { ok: true, broker: await getBroker(config) }
  } catch (error) {
    return {
      ok: false,
      response: errorToResponse(
        error,
        createLogger([config.wechatAppSecret, config.brokerToken], config.logLevel),
      ),
    }
  }
}
