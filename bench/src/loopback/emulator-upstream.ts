import { startEmulatorServer } from '@authing-edge/emulator/node'
import { BENCH_CREDENTIALS } from '../overhead/bench-credentials.ts'
import type { CountingServer } from './counting-server.ts'

/**
 * Starts the project's emulator (in this process, on 127.0.0.1, port 0) with one app matching
 * the benchmark credentials, counting the token requests it answers.
 *
 * @returns the emulator as a counting server
 */
export async function startEmulatorUpstream(): Promise<CountingServer> {
  let hits = 0
  const server = await startEmulatorServer({
    apps: [
      {
        appId: BENCH_CREDENTIALS.authingAppId,
        wechatAppId: BENCH_CREDENTIALS.wechatAppId,
        wechatAppSecret: BENCH_CREDENTIALS.wechatAppSecret,
      },
    ],
    controlApi: false,
    cors: false,
    onRequest: (entry) => {
      if (entry.endpoint !== 'other') hits++
    },
  })
  return { url: server.url, hits: () => hits, close: () => server.close() }
}
