import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, inject, test } from 'vitest'
import { isRecord } from '../../../../scripts/release/is-record.ts'
import { describeRun, run } from '../../../../scripts/release/run.ts'
import { projectNodePath } from '../consumer-project.ts'
import { consumerOf, TSC } from '../tools.ts'

const context = inject('packSmoke')

describe('pack and install: the tarballs in a project outside the workspace', () => {
  test('npm installs every public package from its tarball with the project Node', async () => {
    const consumer = consumerOf(context)
    expect(consumer.nodeVersion).toBe(process.version)
    const manifest: unknown = JSON.parse(await readFile(join(consumer.dir, 'package.json'), 'utf8'))
    const dependencies =
      isRecord(manifest) && isRecord(manifest.dependencies) ? manifest.dependencies : {}
    expect(Object.keys(dependencies).sort()).toEqual(context.packages.map((pkg) => pkg.name).sort())
    for (const pkg of context.packages) {
      const installed: unknown = JSON.parse(
        await readFile(join(consumer.dir, 'node_modules', pkg.name, 'package.json'), 'utf8'),
      )
      expect(isRecord(installed) && installed.version, `${pkg.name} installed version`).toBe(
        pkg.version,
      )
    }
  })

  test('the smoke script gets tokens from the emulator through every public entry point on Node', async () => {
    const consumer = consumerOf(context)
    const result = await run(process.execPath, ['smoke.ts'], {
      cwd: consumer.dir,
      env: { PATH: projectNodePath() },
      timeoutMs: 60_000,
    })
    expect(result.code, describeRun(`node smoke.ts (${process.version})`, result)).toBe(0)
    const summary: unknown = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? 'null')
    expect(summary).toMatchObject({
      statusCode: 200,
      sameTokenTwice: true,
      error: { name: 'AuthingApiError', secretInJson: false, secretInMessage: false },
      legacy: { statusCode: 200, sameToken: true },
      cache: { sameTokenForBoth: true, sameAsUpstream: true, expiresAtIsEpochMs: true },
      // 2 calls + the wrong secret + the legacy call + ONE for both concurrent cache.get() calls
      received: 5,
    })
    const { accessTokenLength, error } = isRecord(summary) ? summary : {}
    expect(accessTokenLength).toBeGreaterThan(0)
    expect(isRecord(error) && error.statusCode).not.toBe(200)
  })

  test.each(['bundler', 'node16'])(
    'the smoke script type-checks with moduleResolution %s against the installed types',
    async (mode) => {
      const consumer = consumerOf(context)
      const result = await run(
        process.execPath,
        [TSC, '-p', `tsconfig.${mode}.json`, '--pretty', 'false'],
        {
          cwd: consumer.dir,
        },
      )
      expect(result.code, describeRun(`tsc -p tsconfig.${mode}.json`, result)).toBe(0)
    },
  )
})
