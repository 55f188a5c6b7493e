import type { WorkerEnv } from './env.js'
import { isEnabled, parseLogLevel, writeLog } from './log.js'
import { errorResponse } from './responses.js'
import { dispatch, type RouteHandler, type RouteTable } from './router.js'
import { getAccessToken } from './routes/get-access-token.js'
import { healthz } from './routes/healthz.js'
import { invalidateAccessToken } from './routes/invalidate-access-token.js'

/** Every route of the Worker. */
export const routes: RouteTable = new Map<string, ReadonlyMap<string, RouteHandler>>([
  ['/healthz', new Map([['GET', healthz]])],
  ['/v1/wechat/access-token', new Map([['GET', getAccessToken]])],
  ['/v1/wechat/access-token/invalidate', new Map([['POST', invalidateAccessToken]])],
])

/**
 * The WeChat access-token broker. Internal services call `GET /v1/wechat/access-token` with
 * `Authorization: Bearer <BROKER_TOKEN>` instead of fetching WeChat tokens themselves.
 */
export default {
  /**
   * Routes the request, turns anything unexpected into a JSON 500, and logs one line for it.
   *
   * @param request - the incoming request
   * @param env - vars, secrets and the KV binding
   * @param ctx - the execution context; background cache work goes to `ctx.waitUntil`
   * @returns the JSON response
   */
  async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
    const started = Date.now()
    let response: Response
    try {
      response = await dispatch(routes, { request, env, ctx })
    } catch (error) {
      writeLog('error', 'unhandled error', {
        error: error instanceof Error ? error.name : typeof error,
      })
      response = errorResponse(500, 'internal_error', 'The token broker failed unexpectedly')
    }
    if (!isEnabled('info', parseLogLevel(env.LOG_LEVEL))) return response
    // Known paths only, never the query: a careless caller may have put a token in either.
    const { pathname } = new URL(request.url)
    writeLog('info', 'request', {
      method: request.method,
      path: routes.has(pathname) ? pathname : '(unknown)',
      status: response.status,
      ms: Date.now() - started,
    })
    return response
  },
} satisfies ExportedHandler<WorkerEnv>
