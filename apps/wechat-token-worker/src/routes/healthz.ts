import { json } from '../responses.js'

/**
 * `GET /healthz`: the Worker is up. Unauthenticated and free of I/O, so it says nothing about
 * the configuration or upstream; `GET /v1/wechat/access-token` does.
 *
 * @returns 200 `{ "status": "ok" }`
 */
export async function healthz(): Promise<Response> {
  return json({ status: 'ok' })
}
