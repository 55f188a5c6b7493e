import type { WorkerEnv } from './env.js'
import { errorResponse } from './responses.js'

/** What a route handler gets. */
export interface RouteContext {
  /** The incoming request. */
  readonly request: Request
  /** The Worker's bindings. */
  readonly env: WorkerEnv
  /** The execution context, for `waitUntil`. */
  readonly ctx: ExecutionContext
}

/** Answers one method of one path. */
export type RouteHandler = (context: RouteContext) => Promise<Response>

/** Path -> method -> handler. Maps, so that no path or method can hit `Object.prototype`. */
export type RouteTable = ReadonlyMap<string, ReadonlyMap<string, RouteHandler>>

/**
 * Finds the handler for a request and runs it: 404 for an unknown path, 405 (with `Allow`) for
 * a known path and another method. The error bodies never echo the path or the query, which a
 * careless caller may have put a token in.
 *
 * @param routes - the route table
 * @param context - the request, bindings and execution context
 * @returns the handler's response, or a JSON 404 / 405
 * @example
 * ```ts
 * const routes: RouteTable = new Map([['/healthz', new Map([['GET', healthz]])]])
 * return dispatch(routes, { request, env, ctx })
 * ```
 */
export async function dispatch(routes: RouteTable, context: RouteContext): Promise<Response> {
  const { pathname } = new URL(context.request.url)
  const methods = routes.get(pathname)
  if (methods === undefined) return errorResponse(404, 'not_found', 'Unknown path')
  const handler = methods.get(context.request.method)
  if (handler === undefined) {
    const allow = [...methods.keys()].join(', ')
    return errorResponse(
      405,
      'method_not_allowed',
      `Method ${context.request.method} is not allowed here; use ${allow}`,
      {},
      { allow },
    )
  }
  return handler(context)
}
