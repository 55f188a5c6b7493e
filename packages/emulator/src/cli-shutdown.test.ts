import { describe, expect, test } from 'vitest'
import { tokenRequest } from '../test/requests.js'
import {
  type CliProcess,
  exitWithin,
  listeningUrl,
  trackedSpawnCli,
  untilReceived,
} from '../test/spawn-cli.js'
import { createControlClient } from './control/control-client.js'

// Regression tests for an emulator that sometimes never exited after SIGTERM: a socket reset
// while its FIN was on the way out (a client gave up on a hanging request just as the control
// API reset the emulator) leaked its handle, and Node then spun forever in its exit-time
// handle cleanup. Each process below is driven into those states, then stopped.

/** Generous bound on a SIGTERM exit, for a loaded 2-core machine; a clean stop takes ~20 ms. */
const EXIT_BOUND_MS = 10_000
const spawnTracked = trackedSpawnCli()

async function startCli(): Promise<{ cli: CliProcess; url: string }> {
  const cli = spawnTracked(['--port', '0'])
  return { cli, url: await listeningUrl(cli) }
}

/** Starts a token request whose outcome is only settled, never thrown. */
function settle(url: string, signal?: AbortSignal): Promise<string> {
  return fetch(tokenRequest({ base: url, ...(signal ? { signal } : {}) })).then(
    async (response) => `${response.status} ${(await response.text()).length}`,
    () => 'failed',
  )
}

describe('authing-emulator stops on SIGTERM whatever its connections are doing', {
  timeout: 60_000,
}, () => {
  test.each([1, 2, 3])(
    'exits 0 with hanging, dripping and idle keep-alive connections open (run %i)',
    async () => {
      const { cli, url } = await startCli()
      const control = createControlClient(url)
      // Idle keep-alive connections: fetch (undici) pools them after these answers.
      const answered = await Promise.all([settle(url), settle(url), settle(url)])
      expect(answered.every((outcome) => outcome.startsWith('200 '))).toBe(true)
      await control.addFaults([
        { fault: { kind: 'hang' }, times: 2 },
        { fault: { kind: 'slow-drip', chunkBytes: 4, intervalMs: 50 }, times: 1 },
      ])
      const hanging = [settle(url), settle(url)]
      expect(await untilReceived(url, 5)).toBe(5)
      const dripping = await fetch(tokenRequest({ base: url }))
      const reader = dripping.body?.getReader()
      expect((await reader?.read())?.done).toBe(false)
      cli.child.kill('SIGTERM')
      expect(await exitWithin(cli, EXIT_BOUND_MS)).toBe(0)
      expect(await Promise.all(hanging)).toEqual(['failed', 'failed'])
      await expect(reader?.read()).rejects.toThrow(TypeError)
      expect(cli.stdout()).toContain('Authing emulator stopped.')
      expect(cli.stderr()).toBe('')
    },
  )

  test.each([1, 2, 3])(
    'exits 0 after clients abort hanging requests while the control API resets it (run %i)',
    async () => {
      const { cli, url } = await startCli()
      const control = createControlClient(url)
      for (let round = 0; round < 40; round++) {
        await control.addFaults({ fault: { kind: 'hang' } })
        const controller = new AbortController()
        const call = settle(url, controller.signal)
        expect(await untilReceived(url, 1)).toBe(1)
        // The client's FIN and the reset reach the emulator together: the reset used to hit a
        // socket whose end was already on its way out.
        controller.abort()
        await control.reset()
        expect(await call).toBe('failed')
      }
      expect(await settle(url)).toMatch(/^200 /)
      cli.child.kill('SIGTERM')
      expect(await exitWithin(cli, EXIT_BOUND_MS)).toBe(0)
      expect(cli.stderr()).toBe('')
    },
  )
})
