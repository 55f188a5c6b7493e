import { AuthenticationClient } from '@authing-edge/core'
import { WechatAccessTokenEnvelopeSchema } from '@authing-edge/types'
import ky, { type Input, type Options } from 'ky'
import * as v from 'valibot'
import { TOKEN_INFO_PATH } from '../loopback/fixed-envelope-server.ts'
import { BENCH_CREDENTIALS } from '../overhead/bench-credentials.ts'
import type { Contender } from '../overhead/interleaved-runner.ts'

const STATUS_CODES = [408, 429, 500, 502, 503, 504]

/** ky's options as core's pipeline sets them (retries on or off). */
function kyAsCore(retry: boolean, fetch?: Options['fetch']) {
  return ky.create({
    method: 'post',
    headers: {
      'content-type': 'application/json',
      'x-authing-app-id': BENCH_CREDENTIALS.authingAppId,
    },
    timeout: 10_000,
    redirect: 'manual',
    throwHttpErrors: true,
    retry: retry
      ? { limit: 2, methods: ['post'], statusCodes: STATUS_CODES, afterStatusCodes: STATUS_CODES }
      : 0,
    ...(fetch === undefined ? {} : { fetch }),
  })
}

/** A fetch for ky that sends the JSON string handed over in `init.rawBody`, not ky's Request. */
function stringBodyFetch(input: Input, init?: RequestInit): Promise<Response> {
  // ky always hands its fetch a Request; anything else is passed through untouched.
  if (!(input instanceof Request)) return fetch(input, init)
  const request = input
  const rawBody = init !== undefined && 'rawBody' in init ? String(init.rawBody) : null
  return fetch(request.url, {
    method: request.method,
    headers: request.headers,
    body: rawBody,
    signal: request.signal,
    redirect: request.redirect,
  })
}

/**
 * A ladder of contenders from a bare `fetch` up to `@authing-edge/core`, each adding one thing
 * core does, so that interleaved timings show what each step costs.
 *
 * @param appHost - base URL of the fixed-envelope server
 * @returns the rungs, bare fetch first
 */
export function overheadLadder(appHost: string): Contender[] {
  const url = `${appHost}${TOKEN_INFO_PATH}`
  const dto = { appId: BENCH_CREDENTIALS.wechatAppId, appSecret: BENCH_CREDENTIALS.wechatAppSecret }
  const headers = {
    'content-type': 'application/json',
    'x-authing-app-id': BENCH_CREDENTIALS.authingAppId,
  }
  const post = (signal?: AbortSignal) =>
    fetch(url, { method: 'POST', headers, body: JSON.stringify(dto), signal: signal ?? null })
  const json = async (response: Response): Promise<unknown> =>
    JSON.parse(new TextDecoder().decode(await response.arrayBuffer()))
  const viaKy = (instance: ReturnType<typeof kyAsCore>) => async () => {
    const body = JSON.stringify(dto)
    const options: Options & { rawBody: string } = { body, rawBody: body }
    return json(await instance(url, options))
  }
  const core = new AuthenticationClient({ appId: BENCH_CREDENTIALS.authingAppId, appHost })
  const coreNoRetry = new AuthenticationClient({
    appId: BENCH_CREDENTIALS.authingAppId,
    appHost,
    retry: 0,
  })
  return [
    { name: 'bare fetch', call: async () => json(await post()) },
    {
      name: '+ valibot envelope parse',
      call: async () => v.parse(WechatAccessTokenEnvelopeSchema, await json(await post())),
    },
    {
      // What every timeout costs: a controller, a timer, and its signal handed to fetch.
      name: '+ timeout signal',
      call: async () => {
        const controller = new AbortController()
        const timer = setTimeout(() => controller.abort(), 10_000)
        try {
          return await json(await post(controller.signal))
        } finally {
          clearTimeout(timer)
        }
      },
    },
    {
      name: '+ Response copy (buffered fetch)',
      call: async () => {
        const r = await post()
        const bytes = new Uint8Array(await r.arrayBuffer())
        return json(
          new Response(bytes, { status: r.status, statusText: r.statusText, headers: r.headers }),
        )
      },
    },
    { name: 'ky, retry 0, string body to fetch', call: viaKy(kyAsCore(false, stringBodyFetch)) },
    { name: 'ky, retry 2, string body to fetch', call: viaKy(kyAsCore(true, stringBodyFetch)) },
    { name: "ky, retry 0, ky's Request to fetch", call: viaKy(kyAsCore(false)) },
    { name: "ky, retry 2, ky's Request to fetch", call: viaKy(kyAsCore(true)) },
    {
      name: '@authing-edge/core, retry: 0',
      call: () => coreNoRetry.getWechatMpAccessTokenInfo(dto),
    },
    { name: '@authing-edge/core (defaults)', call: () => core.getWechatMpAccessTokenInfo(dto) },
  ]
}
