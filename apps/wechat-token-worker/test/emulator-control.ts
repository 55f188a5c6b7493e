// Drives the emulator (running in Node, see global-setup.ts) from inside workerd through its
// control API under /__emulator, with the emulator's own typed client.
import { env } from 'cloudflare:workers'
import { createControlClient, type EndpointName } from '@authing-edge/emulator'

/** The endpoint the Worker's token requests reach. */
export const UPSTREAM_ENDPOINT: EndpointName = 'get-wechat-access-token-info'

function emulatorUrl(): string {
  const host = env.AUTHING_APP_HOST
  if (host === undefined) throw new Error('AUTHING_APP_HOST is not bound in the tests')
  return host
}

/** The control client of the emulator the Worker under test talks to. */
export const emulator = createControlClient(emulatorUrl())

/** How many token requests reached the emulator since the last reset. */
export async function upstreamCalls(): Promise<number> {
  return (await emulator.counts())[UPSTREAM_ENDPOINT]
}
