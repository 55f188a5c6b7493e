import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WechatAccessTokenSuccessSchema } from '@authing-edge/types'
import * as v from 'valibot'
import { afterAll, describe, expect, test } from 'vitest'
import { tokenRequest } from '../test/requests.js'
import { exitWithin, listeningUrl, trackedSpawnCli, untilReceived } from '../test/spawn-cli.js'
import { createControlClient } from './control/control-client.js'
import { DEMO_APP } from './demo-app.js'

const dir = mkdtempSync(join(tmpdir(), 'authing-emulator-cli-'))
const start = trackedSpawnCli()
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('authing-emulator (CLI over a real port)', { timeout: 20_000 }, () => {
  test('prints its URL and the demo credentials, serves tokens and stops on SIGTERM with 0', async () => {
    const cli = start(['--port', '0'])
    const url = await listeningUrl(cli)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(cli.stdout()).toContain(DEMO_APP.appId)
    expect(cli.stdout()).toContain(DEMO_APP.wechatAppId)
    expect(cli.stdout()).toContain(DEMO_APP.wechatAppSecret)
    const response = await fetch(tokenRequest({ base: url }))
    const body = v.parse(WechatAccessTokenSuccessSchema, await response.json())
    expect(body.data.accessToken).toMatch(/^1_EMU/)
    cli.child.kill('SIGTERM')
    expect(await exitWithin(cli, 5_000)).toBe(0)
    expect(cli.stdout()).toContain('Authing emulator stopped.')
    expect(cli.stderr()).toBe('')
  })

  test('stops on SIGINT (Ctrl-C) with 0 even with a hanging request open', async () => {
    const cli = start(['--port', '0'])
    const url = await listeningUrl(cli)
    const control = createControlClient(url)
    await control.addFaults({ fault: { kind: 'hang' } })
    const hanging = fetch(tokenRequest({ base: url })).then(
      () => 'answered',
      () => 'connection closed',
    )
    expect(await untilReceived(url, 1)).toBe(1)
    cli.child.kill('SIGINT')
    expect(await exitWithin(cli, 5_000)).toBe(0)
    expect(await hanging).toBe('connection closed')
  })

  test('serves the control API to another process: faults, clock, record, counts', async () => {
    const cli = start(['--port', '0'])
    const url = await listeningUrl(cli)
    const control = createControlClient(url)
    await control.addFaults({ fault: { kind: 'http-error', status: 503 }, times: 2 })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await fetch(tokenRequest({ base: url }))).status)
    expect(statuses).toEqual([503, 503, 200])
    const first = await (await fetch(tokenRequest({ base: url }))).json()
    await control.advanceClock((7200 - 300) * 1000)
    const renewed = await (await fetch(tokenRequest({ base: url }))).json()
    expect(renewed).not.toEqual(first)
    const requests = await control.requests()
    expect(requests.map((r) => r.outcome.status)).toEqual([503, 503, 200, 200, 200])
    expect(JSON.stringify(requests)).not.toContain(DEMO_APP.wechatAppSecret)
    cli.child.kill('SIGTERM')
    expect(await exitWithin(cli, 5_000)).toBe(0)
  })

  test('reads a config file: apps, faults and limits, never printing a configured secret', async () => {
    const secret = 'configured-wechat-secret-0123456789'
    const config = join(dir, 'emulator.json')
    writeFileSync(
      config,
      JSON.stringify({
        apps: [{ appId: 'my-authing-app', wechatAppId: 'wxmine', wechatAppSecret: secret }],
        faults: [{ sequence: [{ kind: 'reset' }, { kind: 'rate-limit', retryAfter: 7 }] }],
        expiresAtAs: 'number',
      }),
    )
    const cli = start(['--port', '0', '--config', config, '--verbose'])
    const url = await listeningUrl(cli)
    expect(cli.stdout()).toContain('my-authing-app')
    expect(cli.stdout()).not.toContain(secret)
    const request = () =>
      fetch(
        tokenRequest({
          base: url,
          appIdHeader: 'my-authing-app',
          body: { appId: 'wxmine', appSecret: secret },
        }),
      )
    await expect(request()).rejects.toThrow(TypeError)
    const throttled = await request()
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('7')
    const ok = await request()
    expect(await ok.json()).toMatchObject({
      statusCode: 200,
      data: { expiresAt: expect.any(Number) },
    })
    cli.child.kill('SIGTERM')
    expect(await exitWithin(cli, 5_000)).toBe(0)
    expect(cli.stdout()).toMatch(/POST \/api\/v3\/get-wechat-access-token-info -> 429 fault/)
    expect(cli.stdout()).not.toContain(secret)
  })

  test('takes its app from environment variables', async () => {
    const cli = start(['--port', '0', '--require-user-token'], {
      AUTHING_EMULATOR_APP_ID: 'env-app',
      AUTHING_EMULATOR_WECHAT_APP_ID: 'wxenv',
      AUTHING_EMULATOR_WECHAT_APP_SECRET: 'env-secret-value',
      AUTHING_EMULATOR_USER_TOKEN: 'env-user-token',
    })
    const url = await listeningUrl(cli)
    expect(cli.stdout()).not.toContain('env-secret-value')
    expect(cli.stdout()).not.toContain('env-user-token')
    const response = await fetch(
      tokenRequest({
        base: url,
        appIdHeader: 'env-app',
        authorization: 'Bearer env-user-token',
        body: { appId: 'wxenv', appSecret: 'env-secret-value' },
      }),
    )
    expect(await response.json()).toMatchObject({ statusCode: 200 })
    cli.child.kill('SIGTERM')
    expect(await exitWithin(cli, 5_000)).toBe(0)
  })

  test('--help prints usage and exits 0', async () => {
    const cli = start(['--help'])
    expect(await exitWithin(cli, 10_000)).toBe(0)
    expect(cli.stdout()).toMatch(/^Usage: authing-emulator \[options\]/)
  })

  test('a bad flag exits 2 with a message on stderr', async () => {
    const cli = start(['--port', 'eighty'])
    expect(await exitWithin(cli, 10_000)).toBe(2)
    expect(cli.stderr()).toContain('authing-emulator: --port must be a whole number')
    expect(cli.stdout()).toBe('')
  })
})
