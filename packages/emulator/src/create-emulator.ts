import { CONTROL_PREFIX, handleControl } from './control/control-api.js'
import type { Emulator } from './emulator.js'
import type { EmulatorOptions } from './emulator-options.js'
import { assertValidOptions } from './emulator-settings.js'
import { createEmulatorState, type EmulatorState } from './emulator-state.js'
import { handleEndpoint, handleUnknownRoute } from './endpoint/handle-endpoint.js'
import { ENDPOINT_NAMES, endpointPath } from './endpoint-name.js'
import { preflightResponse, withCors } from './http/cors.js'

/**
 * Creates an emulator of the Authing / GenAuth V3 WeChat access-token endpoints: a standard
 * fetch handler that runs in any runtime, with the control API under `/__emulator`.
 *
 * @param options - apps, modes, faults, clock, CORS; all optional (the demo app by default)
 * @returns the emulator, callable as `fetch`
 * @throws TypeError when an option is invalid (the message never quotes a secret)
 * @example
 * ```ts
 * import { createEmulator, DEMO_APP } from '@authing-edge/emulator'
 *
 * const emulator = createEmulator({ startAt: Date.UTC(2026, 0, 1) })
 * emulator.faults.add({ fault: { kind: 'http-error', status: 503 }, times: 2 })
 * const response = await emulator('http://emulator.local/api/v3/get-wechat-access-token-info', {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/json', 'x-authing-app-id': DEMO_APP.appId },
 *   body: JSON.stringify({ appId: DEMO_APP.wechatAppId, appSecret: DEMO_APP.wechatAppSecret }),
 * })
 * response.status // 503, then 503, then 200
 * ```
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  assertValidOptions(options)
  const state = createEmulatorState(options)
  const routes = new Map(ENDPOINT_NAMES.map((name) => [state.basePath + endpointPath(name), name]))

  const handle = (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request =
      input instanceof Request && init === undefined ? input : new Request(input, init)
    return serve(state, routes, request)
  }
  const emulator: Emulator = Object.assign(handle, {
    fetch: (request: Request) => handle(request),
    clock: state.clock,
    faults: {
      add: state.faults.add,
      set: state.faults.set,
      remove: state.faults.remove,
      clear: state.faults.clear,
      list: state.faults.list,
    },
    tokens: {
      get: state.tokens.peek,
      list: state.tokens.list,
      invalidate: state.tokens.invalidate,
    },
    requests: () => state.record.list(),
    counts: () => state.record.counts(),
    clearRequests: () => state.record.clear(),
    settings: () => state.settings(),
    updateSettings: state.updateSettings,
    seed: state.seed,
    reset: state.reset,
  })
  return emulator
}

async function serve(
  state: EmulatorState,
  routes: ReadonlyMap<string, (typeof ENDPOINT_NAMES)[number]>,
  request: Request,
): Promise<Response> {
  const path = new URL(request.url).pathname
  const isControl =
    state.controlApi && (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`))
  const origin = state.corsOrigin
  if (origin !== undefined && request.method === 'OPTIONS') {
    if (!isControl) state.record.countPreflight()
    return preflightResponse(origin)
  }
  let response: Response
  const endpoint = routes.get(path)
  if (isControl) {
    response = await handleControl(state, request, path.slice(CONTROL_PREFIX.length))
  } else if (endpoint && request.method === 'POST') {
    response = await handleEndpoint(state, request, path, endpoint)
  } else {
    response = await handleUnknownRoute(state, request, path)
  }
  return origin === undefined ? response : withCors(response, origin)
}
