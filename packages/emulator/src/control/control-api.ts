import * as v from 'valibot'
import { maskSettings } from '../emulator-settings.js'
import type { EmulatorState } from '../emulator-state.js'
import { EndpointNameSchema } from '../endpoint-name.js'
import { FaultRulesSchema } from '../faults/fault-rule-schema.js'
import { jsonResponse } from '../http/json-response.js'
import { SettingsPatchSchema } from '../settings-schema.js'
import type { ClockView } from './control-client.js'
import { ClockCommandSchema } from './control-schemas.js'

/** Where the control API lives. For local use only. */
export const CONTROL_PREFIX = '/__emulator'

type Route = (
  state: EmulatorState,
  request: Request,
  param: string | undefined,
) => Promise<Response> | Response

/** Thrown inside a route to answer HTTP 400 with a message. */
class BadRequest extends Error {}

const ROUTES: Record<string, Partial<Record<string, Route>>> = {
  '': { GET: () => jsonResponse({ routes: Object.keys(ROUTES).map((r) => CONTROL_PREFIX + r) }) },
  '/health': { GET: () => jsonResponse({ ok: true }) },
  '/state': { GET: (state) => jsonResponse(snapshot(state)) },
  '/requests': {
    GET: (state, request) => {
      const filter = new URL(request.url).searchParams.get('endpoint')
      const endpoint = filter === null ? undefined : parseOr400(EndpointNameSchema, filter)
      const requests = state.record.list().filter((r) => !endpoint || r.endpoint === endpoint)
      return jsonResponse({ requests, counts: state.record.counts() })
    },
    DELETE: (state) => {
      state.record.clear()
      return jsonResponse({ ok: true })
    },
  },
  '/counts': { GET: (state) => jsonResponse(state.record.counts()) },
  '/faults': {
    GET: (state) => jsonResponse({ faults: state.faults.list() }),
    POST: async (state, request) =>
      jsonResponse({ ids: state.faults.add(await readBody(request, FaultRulesSchema)) }),
    PUT: async (state, request) => {
      const rules = await readBody(request, FaultRulesSchema)
      return jsonResponse({ ids: state.faults.set(Array.isArray(rules) ? rules : [rules]) })
    },
    DELETE: (state) => {
      state.faults.clear()
      return jsonResponse({ ok: true })
    },
  },
  '/faults/:id': {
    DELETE: (state, _request, id = '') =>
      state.faults.remove(id)
        ? jsonResponse({ ok: true })
        : jsonResponse({ error: 'No fault rule has this id' }, 404),
  },
  '/clock': {
    GET: (state) => jsonResponse(clockView(state)),
    POST: async (state, request) => {
      const command = await readBody(request, ClockCommandSchema)
      const { clock } = state
      if (command.frozen === true) clock.freeze()
      if (command.frozen === false) clock.unfreeze()
      if (command.setMs !== undefined) clock.set(command.setMs)
      if (command.advanceMs !== undefined) clock.advance(command.advanceMs)
      if (command.advanceSeconds !== undefined) clock.advance(command.advanceSeconds * 1000)
      return jsonResponse(clockView(state))
    },
  },
  '/tokens': {
    GET: (state) => jsonResponse({ tokens: state.tokens.list() }),
    DELETE: (state) => jsonResponse({ invalidated: state.tokens.invalidate() }),
  },
  '/tokens/:id': {
    DELETE: (state, _request, id = '') =>
      jsonResponse({ invalidated: state.tokens.invalidate(id) }),
  },
  '/settings': {
    GET: (state) => jsonResponse(maskSettings(state.settings())),
    PATCH: async (state, request) => {
      const patch = await readBody(request, SettingsPatchSchema)
      try {
        return jsonResponse(maskSettings(state.updateSettings(patch)))
      } catch (error) {
        throw new BadRequest(error instanceof Error ? error.message : 'Invalid settings')
      }
    },
  },
  '/reset': {
    POST: (state) => {
      state.reset()
      return jsonResponse({ ok: true })
    },
  },
}

/**
 * Serves `GET|POST|PUT|PATCH|DELETE /__emulator/...`: faults, clock, tokens, settings, the
 * request record, counts and reset. Answers 404 for unknown routes and 405 for wrong methods.
 *
 * @param state - the emulator state
 * @param request - a request whose path starts with the control prefix
 * @param path - the path after the prefix, e.g. `/faults`
 * @returns the response
 */
export async function handleControl(
  state: EmulatorState,
  request: Request,
  path: string,
): Promise<Response> {
  const [route, param] = matchRoute(path)
  if (!route) return jsonResponse({ error: `No control route ${CONTROL_PREFIX}${path}` }, 404)
  const handler = route[request.method]
  if (!handler) {
    return jsonResponse({ error: `Method ${request.method} not allowed here` }, 405, {
      allow: Object.keys(route).join(', '),
    })
  }
  try {
    return await handler(state, request, param)
  } catch (error) {
    if (error instanceof BadRequest) {
      return jsonResponse({ error: error.message }, 400)
    }
    throw error
  }
}

function matchRoute(
  path: string,
): [Partial<Record<string, Route>> | undefined, string | undefined] {
  const trimmed = path.replace(/\/+$/, '')
  const exact = ROUTES[trimmed]
  if (exact) return [exact, undefined]
  const match = /^(\/[^/]+)\/([^/]+)$/.exec(trimmed)
  if (!match?.[1] || !match[2]) return [undefined, undefined]
  let id: string
  try {
    id = decodeURIComponent(match[2])
  } catch {
    // A lone `%` or a broken escape: no route has such an id.
    return [undefined, undefined]
  }
  return [ROUTES[`${match[1]}/:id`], id]
}

async function readBody<S extends v.GenericSchema>(
  request: Request,
  schema: S,
): Promise<v.InferOutput<S>> {
  const text = await request.text()
  let json: unknown
  try {
    json = text.trim() === '' ? {} : JSON.parse(text)
  } catch {
    throw new BadRequest('The body is not valid JSON')
  }
  return parseOr400(schema, json)
}

function parseOr400<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input)
  if (!result.success) throw new BadRequest(v.summarize(result.issues))
  return result.output
}

function clockView(state: EmulatorState): ClockView {
  const now = state.clock.now()
  return { now, nowSeconds: Math.floor(now / 1000), frozen: state.clock.frozen }
}

function snapshot(state: EmulatorState): Record<string, unknown> {
  return {
    clock: clockView(state),
    seed: state.seed(),
    settings: maskSettings(state.settings()),
    counts: state.record.counts(),
    faults: state.faults.list(),
    tokens: state.tokens.list(),
  }
}
