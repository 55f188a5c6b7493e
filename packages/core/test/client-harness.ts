import { afterEach, beforeEach } from 'vitest'
import { AuthenticationClient } from '../src/client/authentication-client.js'
import type { AuthenticationClientOptions } from '../src/client/options.js'
import { createTestServer, json, type TestServer } from './http-test-server.js'

/** A WeChat credentials dto. */
export const DTO = { appId: 'wx0123456789', appSecret: 'wechat-app-secret' }

/** A successful envelope, the test server's default answer. */
export const OK = {
  statusCode: 200,
  message: 'ok',
  data: { accessToken: 'wechat-token', expiresAt: 1_700_000_000 },
}

/**
 * Starts a fresh capturing server before each test of the calling file and closes it after.
 *
 * @returns a getter for the current server
 */
export function useTestServer(): () => TestServer {
  let server: TestServer | undefined
  beforeEach(async () => {
    server = await createTestServer(json(OK))
  })
  afterEach(async () => {
    await server?.close()
  })
  return () => {
    if (server === undefined) throw new Error('the test server runs only inside a test')
    return server
  }
}

/**
 * A client of the given server with near-instant backoff, so retries cost no wall-clock time.
 *
 * @param server - the test server
 * @param options - overrides
 * @returns the client
 */
export function clientOf(
  server: TestServer,
  options: Partial<AuthenticationClientOptions> = {},
): AuthenticationClient {
  return new AuthenticationClient({
    appId: 'authing-app-id',
    appHost: server.url,
    retry: { backoffLimit: 1 },
    ...options,
  })
}

/**
 * Awaits a call that must reject and returns what it rejected with.
 *
 * @param promise - the call
 * @returns the rejection reason
 */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to reject')
}
