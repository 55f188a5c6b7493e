import { describe, expect, test } from 'vitest'
import { BASE, tokenRequest } from '../../test/requests.js'
import { createEmulator } from '../create-emulator.js'

const preflight = (path = '/api/v3/get-wechat-access-token-info') =>
  new Request(`${BASE}${path}`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://localhost:5173',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-authing-app-id, authorization',
    },
  })

describe('CORS', () => {
  test('answers a preflight allowing the headers a client sends', async () => {
    const response = await createEmulator({ cors: true })(preflight())
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    const allowed = response.headers.get('access-control-allow-headers')?.split(', ')
    expect(allowed).toEqual(
      expect.arrayContaining([
        'content-type',
        'x-authing-app-id',
        'x-genauth-app-id',
        'authorization',
      ]),
    )
  })

  test('adds the allowed origin and exposes Retry-After on every answer', async () => {
    const emulator = createEmulator({
      cors: { origin: 'http://localhost:5173' },
      faults: [{ fault: { kind: 'rate-limit', retryAfter: 3 }, times: 1 }],
    })
    const throttled = await emulator(tokenRequest())
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(throttled.headers.get('access-control-expose-headers')).toContain('retry-after')
    const ok = await emulator(tokenRequest())
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(await ok.json()).toMatchObject({ statusCode: 200 })
  })

  test('covers the control API too', async () => {
    const emulator = createEmulator({ cors: true })
    expect((await emulator(preflight('/__emulator/faults'))).status).toBe(204)
    const counts = await emulator(`${BASE}/__emulator/counts`)
    expect(counts.headers.get('access-control-allow-origin')).toBe('*')
    expect(emulator.counts().preflight).toBe(0)
  })

  test('is off by default in the handler: no preflight answer, no header', async () => {
    const emulator = createEmulator()
    expect((await emulator(preflight())).status).toBe(404)
    const response = await emulator(tokenRequest())
    expect(response.headers.has('access-control-allow-origin')).toBe(false)
  })
})
