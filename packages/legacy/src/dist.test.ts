// Checks the built package (run `pnpm --filter @authing-edge/legacy build` first; turbo's test
// task depends on it): what users get from npm, not the sources.
import { execFile } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestServer, json, routes, type TestServer } from '../test/http-test-server.js'

const DIST_DTS = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url))
const DIST_JS = fileURLToPath(new URL('../dist/index.js', import.meta.url))
const NOT_BUILT = 'dist is missing: run `pnpm --filter @authing-edge/legacy build` first'

function declarations(): ts.SourceFile {
  if (!existsSync(DIST_DTS)) throw new Error(NOT_BUILT)
  const text = readFileSync(DIST_DTS, 'utf8')
  return ts.createSourceFile('index.d.ts', text, ts.ScriptTarget.Latest, true)
}

type Named = ts.ClassDeclaration | ts.MethodDeclaration | ts.FunctionDeclaration

function find<T extends Named>(
  root: ts.Node,
  matches: (node: ts.Node) => node is T,
  name: string,
): T {
  let found: T | undefined
  const visit = (node: ts.Node): void => {
    if (found) return
    if (matches(node) && node.name !== undefined && ts.isIdentifier(node.name)) {
      if (node.name.text === name) found = node
    }
    ts.forEachChild(node, visit)
  }
  visit(root)
  if (!found) throw new Error(`${name} is not declared in dist/index.d.ts`)
  return found
}

function deprecationOf(node: ts.Node): string | undefined {
  const tag = ts.getJSDocDeprecatedTag(node)
  return tag === undefined ? undefined : (ts.getTextOfJSDocComment(tag.comment) ?? '')
}

describe('dist/index.d.ts', () => {
  test('marks AuthenticationClient#getWechatMpAccessToken @deprecated, pointing to getWechatMpAccessTokenInfo', () => {
    const source = declarations()
    const cls = find(source, ts.isClassDeclaration, 'AuthenticationClient')
    const method = find(cls, ts.isMethodDeclaration, 'getWechatMpAccessToken')
    expect(deprecationOf(method)).toMatch(/^Use .*getWechatMpAccessTokenInfo/)
    expect(method.parameters.map((p) => [p.name.getText(), p.questionToken !== undefined])).toEqual(
      [
        ['dto', false],
        ['options', true],
      ],
    )
  })

  test('marks the standalone getWechatMpAccessToken @deprecated too', () => {
    const fn = find(declarations(), ts.isFunctionDeclaration, 'getWechatMpAccessToken')
    expect(deprecationOf(fn)).toMatch(/^Use .*getWechatMpAccessTokenInfo/)
    expect(fn.parameters.map((p) => p.name.getText())).toEqual(['client', 'dto', 'options'])
  })

  test('does not deprecate the class itself or silenceDeprecationWarnings', () => {
    const source = declarations()
    expect(deprecationOf(find(source, ts.isClassDeclaration, 'AuthenticationClient'))).toBe(
      undefined,
    )
    expect(
      deprecationOf(find(source, ts.isFunctionDeclaration, 'silenceDeprecationWarnings')),
    ).toBe(undefined)
  })
})

describe('dist/index.js in a real Node process', () => {
  let server: TestServer
  const ok = json({ statusCode: 200, message: 'ok', data: { accessToken: 't', expiresAt: 1 } })

  // Two copies of the package (distinct module URLs), each calling both forms twice.
  const SCRIPT = `
    const a = await import(process.env.LEGACY_URL + '?copy=a')
    const b = await import(process.env.LEGACY_URL + '?copy=b')
    if (a.getWechatMpAccessToken === b.getWechatMpAccessToken) throw new Error('one copy only')
    const dto = { appId: 'wx1', appSecret: 'wechat-secret' }
    for (const copy of [a, b]) {
      const client = new copy.AuthenticationClient({ appId: 'aid', appHost: process.env.HOST_URL })
      await client.getWechatMpAccessToken(dto)
      await client.getWechatMpAccessToken(dto)
      await copy.getWechatMpAccessToken(client, dto)
    }
    console.log('done')
  `

  async function run(flags: string[]): Promise<{ stdout: string; stderr: string }> {
    if (!existsSync(DIST_JS)) throw new Error(NOT_BUILT)
    return promisify(execFile)(process.execPath, [...flags, '--input-type=module', '-e', SCRIPT], {
      env: {
        PATH: process.env.PATH ?? '',
        LEGACY_URL: pathToFileURL(DIST_JS).href,
        HOST_URL: server.url,
      },
      timeout: 30_000,
    })
  }

  beforeAll(async () => {
    server = await createTestServer(routes({ '/api/v3/get-wechat-access-token-info': ok }))
  })

  afterAll(async () => {
    await server.close()
  })

  test('prints one DeprecationWarning with its code for the whole process, across two copies', async () => {
    const before = server.requests.length
    const { stdout, stderr } = await run([])
    expect(stdout.trim()).toBe('done')
    expect(server.requests.length - before).toBe(6)
    expect(stderr.match(/\] DeprecationWarning: /g)).toHaveLength(1)
    expect(stderr).toContain(
      '[AUTHING_EDGE_DEP001] DeprecationWarning: getWechatMpAccessToken is deprecated',
    )
  })

  test('prints nothing under node --no-deprecation', async () => {
    const before = server.requests.length
    const { stdout, stderr } = await run(['--no-deprecation'])
    expect(stdout.trim()).toBe('done')
    expect(server.requests.length - before).toBe(6)
    expect(stderr).toBe('')
  })
})
