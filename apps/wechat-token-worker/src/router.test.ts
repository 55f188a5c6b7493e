import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, test } from 'vitest'
import { json } from './responses.js'
import { dispatch, type RouteTable } from './router.js'

const routes: RouteTable = new Map([
  [
    '/things',
    new Map([
      ['GET', async () => json({ got: 'things' })],
      ['DELETE', async () => json({ deleted: true })],
    ]),
  ],
])

function run(method: string, url: string): Promise<Response> {
  return dispatch(routes, {
    request: new Request(url, { method }),
    env,
    ctx: createExecutionContext(),
  })
}

describe('dispatch', () => {
  test('runs the handler of the path and method', async () => {
    const response = await run('GET', 'https://broker.test/things?x=1')
    expect(await response.json()).toEqual({ got: 'things' })
  })

  test('answers 404 for an unknown path without echoing it', async () => {
    const response = await run('GET', 'https://broker.test/secret-in-path')
    expect(response.status).toBe(404)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ error: { code: 'not_found', message: 'Unknown path' } })
    expect(text).not.toContain('secret-in-path')
  })

  test('answers 405 with Allow for another method of a known path', async () => {
    const response = await run('POST', 'https://broker.test/things')
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, DELETE')
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } })
  })

  test('never finds a handler on Object.prototype', async () => {
    expect((await run('GET', 'https://broker.test/constructor')).status).toBe(404)
    expect((await run('GET', 'https://broker.test/__proto__')).status).toBe(404)
  })
})
