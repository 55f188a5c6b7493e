import { describe, expect, test } from 'vitest'
import { createControlClient } from '../control/control-client.js'
import { isLoopbackHost, startCli } from './run-cli.js'
import { startEmulatorServer } from './start-emulator-server.js'

function io(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = []
  const err: string[] = []
  return {
    io: {
      argv,
      env,
      cwd: '/',
      stdout: (l: string) => out.push(l),
      stderr: (l: string) => err.push(l),
    },
    out,
    err,
  }
}

describe('startCli', () => {
  test('starts a server with CORS and the control API on, and prints the banner', async () => {
    const { io: cliIo, out, err } = io(['--port', '0', '--seed', '5'])
    const server = await startCli(cliIo)
    if (typeof server === 'number') throw new Error(`exit ${server}`)
    try {
      expect(out[0]).toBe(`Authing emulator listening on ${server.url}`)
      expect(out).toContain('  seed               5')
      expect(err).toEqual([])
      expect(await createControlClient(server.url).counts()).toMatchObject({ other: 0 })
    } finally {
      await server.close()
    }
  })

  test('returns 1 with a message when the port is taken', async () => {
    const taken = await startEmulatorServer()
    try {
      const { io: cliIo, err } = io(['--port', String(taken.port)])
      expect(await startCli(cliIo)).toBe(1)
      expect(err).toEqual([
        `authing-emulator: cannot listen on 127.0.0.1:${taken.port} (EADDRINUSE)`,
      ])
    } finally {
      await taken.close()
    }
  })

  test('prints one redacted line per request with --verbose', async () => {
    const { io: cliIo, out } = io(['--port', '0', '-v'])
    const server = await startCli(cliIo)
    if (typeof server === 'number') throw new Error(`exit ${server}`)
    try {
      await fetch(`${server.url}/api/v3/get-wechat-access-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"appId":"wx","appSecret":"verbose-secret"}',
      })
      expect(out.at(-1)).toMatch(
        /^POST \/api\/v3\/get-wechat-access-token -> 200 business-error statusCode=400 apiCode=2010 requestId=\S+$/,
      )
      expect(out.join('\n')).not.toContain('verbose-secret')
    } finally {
      await server.close()
    }
  })
})

describe('isLoopbackHost', () => {
  test.each(['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])('%s is loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(true)
  })

  test.each(['0.0.0.0', '192.168.1.2', '::', 'example.com'])('%s is not', (host) => {
    expect(isLoopbackHost(host)).toBe(false)
  })
})
