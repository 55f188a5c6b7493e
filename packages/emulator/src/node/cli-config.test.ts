import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { CliConfigError, loadCliConfig } from './cli-config.js'

const dir = mkdtempSync(join(tmpdir(), 'authing-emulator-config-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, content: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

const SECRET = 'configured-secret-never-printed'

describe('loadCliConfig', () => {
  test('is empty without flags, environment or file (the CLI fills in defaults)', () => {
    expect(loadCliConfig([], {}, dir)).toEqual({})
  })

  test('reads flags', () => {
    expect(
      loadCliConfig(
        [
          '--port',
          '0',
          '--host',
          'localhost',
          '--seed',
          '7',
          '--require-user-token',
          '--no-cors',
          '--no-control-api',
          '--expires-at-as',
          'number',
          '-v',
        ],
        {},
        dir,
      ),
    ).toEqual({
      port: 0,
      host: 'localhost',
      seed: 7,
      requireUserToken: true,
      cors: false,
      controlApi: false,
      expiresAtAs: 'number',
      verbose: true,
    })
  })

  test('reads a config file relative to the working directory, with faults', () => {
    file('emulator.json', {
      $schema: './schema.json',
      port: 9000,
      apps: [{ appId: 'a1', wechatAppId: 'wx1', wechatAppSecret: SECRET }],
      rateLimit: { limit: 10, windowMs: 1000 },
      faults: [{ fault: { kind: 'http-error', status: 503 }, times: 2 }],
      seed: 42,
    })
    expect(loadCliConfig(['--config', 'emulator.json'], {}, dir)).toEqual({
      port: 9000,
      apps: [{ appId: 'a1', wechatAppId: 'wx1', wechatAppSecret: SECRET }],
      rateLimit: { limit: 10, windowMs: 1000 },
      faults: [{ fault: { kind: 'http-error', status: 503 }, times: 2 }],
      seed: 42,
    })
  })

  test('flags win over the environment, which wins over the file', () => {
    const path = file('layers.json', { port: 1, seed: 1, expiresAtAs: 'number' })
    const env = {
      AUTHING_EMULATOR_CONFIG: path,
      AUTHING_EMULATOR_PORT: '2',
      AUTHING_EMULATOR_SEED: '2',
    }
    expect(loadCliConfig(['--port', '3'], env, '/')).toEqual({
      port: 3,
      seed: 2,
      expiresAtAs: 'number',
    })
  })

  test('reads one app, a user token and switches from the environment', () => {
    expect(
      loadCliConfig(
        [],
        {
          AUTHING_EMULATOR_APP_ID: 'a1',
          AUTHING_EMULATOR_WECHAT_APP_ID: 'wx1',
          AUTHING_EMULATOR_WECHAT_APP_SECRET: SECRET,
          AUTHING_EMULATOR_USER_TOKEN: 'user-1',
          AUTHING_EMULATOR_REQUIRE_USER_TOKEN: 'true',
          AUTHING_EMULATOR_CONTROL_API: '0',
          AUTHING_EMULATOR_CORS: 'off',
          AUTHING_EMULATOR_HOST: '::1',
        },
        dir,
      ),
    ).toEqual({
      apps: [{ appId: 'a1', wechatAppId: 'wx1', wechatAppSecret: SECRET }],
      userTokens: ['user-1'],
      requireUserToken: true,
      controlApi: false,
      cors: false,
      host: '::1',
    })
  })

  test.each([
    ['an unknown flag', ['--nope'], {}, /Unknown option '--nope'/],
    ['a non-numeric port', ['--port', 'abc'], {}, /--port must be a whole number/],
    ['a port out of range', ['--port', '70000'], {}, /at port/],
    [
      'a bad boolean',
      [],
      { AUTHING_EMULATOR_CORS: 'maybe' },
      /AUTHING_EMULATOR_CORS must be true or false/,
    ],
    ['an incomplete app', [], { AUTHING_EMULATOR_APP_ID: 'a1' }, /Set all three of/],
    ['a bad expiresAt format', ['--expires-at-as', 'date'], {}, /expiresAtAs/],
    [
      'a missing file',
      ['--config', 'missing.json'],
      {},
      /Cannot read the config file .*missing\.json/,
    ],
  ] as const)('rejects %s with a clear message', (_label, argv, env, message) => {
    expect(() => loadCliConfig(argv, env, dir)).toThrow(CliConfigError)
    expect(() => loadCliConfig(argv, env, dir)).toThrow(message)
  })

  test('rejects files that are not JSON or have unknown keys, without quoting secrets', () => {
    const broken = file('broken.json', `{"apps":[{"wechatAppSecret":"${SECRET}"`)
    expect(() => loadCliConfig(['-c', broken], {}, dir)).toThrow(/is not valid JSON/)
    const typo = file('typo.json', { prot: 1 })
    expect(() => loadCliConfig(['-c', typo], {}, dir)).toThrow(/Invalid key.*"prot"/s)
    const wrong = file('wrong.json', {
      apps: [{ appId: 'a', wechatAppId: 'w', wechatAppSecret: 123456789 }],
    })
    let message = ''
    try {
      loadCliConfig(['-c', wrong], {}, dir)
    } catch (error) {
      message = String(error)
    }
    expect(message).toMatch(/wechatAppSecret must be a string/)
    expect(message).not.toContain('123456789')
  })

  test('accepts the config file example in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const example = /## Config file format[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)?.[1]
    expect(example).toBeDefined()
    const config = loadCliConfig(['-c', file('readme.json', example ?? '')], {}, dir)
    expect(config.faults).toHaveLength(3)
    expect(config.rateLimit).toEqual({ limit: 100, windowMs: 60000 })
  })

  test('marks --help', () => {
    expect(loadCliConfig(['--help'], {}, dir)).toEqual({ help: true })
  })
})
