// Runs in Node before the Worker tests: starts the Authing emulator on 127.0.0.1 and a free
// port, and hands its URL to the Worker (as AUTHING_APP_HOST, see vitest.config.ts) and to the
// tests. The server lives in this closure; the returned teardown closes it.
import { startEmulatorServer } from '@authing-edge/emulator/node'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The emulator's origin, e.g. `http://127.0.0.1:40123`. */
    emulatorUrl: string
    /** A loopback URL where nothing listens: an upstream that is down. */
    deadUpstreamUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const emulator = await startEmulatorServer({ port: 0 })
  // Start and stop a second server: its port is then closed, for "upstream down" tests.
  const dead = await startEmulatorServer({ port: 0 })
  await dead.close()
  project.provide('emulatorUrl', emulator.url)
  project.provide('deadUpstreamUrl', dead.url)
  return async () => {
    await emulator.close()
  }
}
