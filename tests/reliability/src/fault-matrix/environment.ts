import { type EmulatorServer, startEmulatorServer } from '@authing-edge/emulator/node'
import {
  type RawBehaviour,
  type RawHttpServer,
  startRawHttpServer,
} from '../support/raw-http-server.ts'

/** The credentials a matrix run uses. */
export interface MatrixCredentials {
  /** The Authing app id (header). */
  readonly authingAppId: string
  /** The WeChat AppId (body). */
  readonly wechatAppId: string
  /** The WeChat AppSecret (body). */
  readonly wechatAppSecret: string
  /** A user access token the emulator requires, when set. */
  readonly userAccessToken?: string | undefined
}

/** Servers shared by the cases of one run. */
export interface MatrixEnvironment {
  /** The emulator, with the credentials configured as its only app. */
  readonly emulator: EmulatorServer
  /** A server that must never be asked anything: the target of cross-host redirects. */
  readonly trap: RawHttpServer
  /** A loopback URL where nothing listens. */
  readonly deadUrl: string
  readonly credentials: MatrixCredentials
  /** Starts a raw server for one case; closed with the environment. */
  raw(behaviour: RawBehaviour): Promise<RawHttpServer>
  /** Stops every server. */
  close(): Promise<void>
}

/**
 * Starts the emulator (seeded, real clock, one app) and the helper servers.
 *
 * @param credentials - what the emulator accepts and the cases send
 * @returns the environment
 */
export async function startMatrixEnvironment(
  credentials: MatrixCredentials,
): Promise<MatrixEnvironment> {
  const { userAccessToken } = credentials
  const emulator = await startEmulatorServer({
    seed: 11,
    apps: [
      {
        appId: credentials.authingAppId,
        wechatAppId: credentials.wechatAppId,
        wechatAppSecret: credentials.wechatAppSecret,
      },
    ],
    ...(userAccessToken === undefined
      ? {}
      : { requireUserToken: true, userTokens: [userAccessToken] }),
  })
  const trap = await startRawHttpServer({
    kind: 'respond',
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"statusCode":200,"message":"trap","data":{"accessToken":"stolen","expiresAt":1}}',
  })
  const dead = await startRawHttpServer({ kind: 'hang-mid-body' })
  const deadUrl = dead.url
  await dead.close()
  const raws: RawHttpServer[] = []
  return {
    emulator,
    trap,
    deadUrl,
    credentials,
    async raw(behaviour) {
      const server = await startRawHttpServer(behaviour)
      raws.push(server)
      return server
    },
    async close() {
      await Promise.all([emulator.close(), trap.close(), ...raws.map((raw) => raw.close())])
    },
  }
}
