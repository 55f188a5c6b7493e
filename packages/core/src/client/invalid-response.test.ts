import { describe, expect, test } from 'vitest'
import { clientOf, DTO, OK, rejection, useTestServer } from '../../test/client-harness.js'
import { json, text } from '../../test/http-test-server.js'
import type { HttpError } from '../errors/http-error.js'
import { ResponseValidationError } from '../errors/response-validation-error.js'
import type { AuthenticationClientOptions } from './options.js'

const server = useTestServer()
const client = (options: Partial<AuthenticationClientOptions> = {}) => clientOf(server(), options)

describe('invalid responses', () => {
  test('malformed JSON becomes a ResponseValidationError', async () => {
    server().setDefault(text('{"statusCode":200,', 200, { 'content-type': 'application/json' }))
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error).toMatchObject({
      httpStatus: 200,
      issues: [
        { path: '', message: 'the response body is not JSON (content-type: application/json)' },
      ],
    })
  })

  test('an HTML page with status 200 becomes a ResponseValidationError', async () => {
    server().setDefault(text('<html>maintenance</html>', 200, { 'content-type': 'text/html' }))
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: '', message: 'the response body is not JSON (content-type: text/html)' }],
    })
  })

  test('wrong field types are reported by path', async () => {
    server().setDefault(
      json({ statusCode: 200, message: 'ok', data: { accessToken: 42, expiresAt: 'soon' } }),
    )
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect((error as ResponseValidationError).issues).toEqual([
      { path: 'data.accessToken', message: 'data.accessToken must be a string' },
      {
        path: 'data.expiresAt',
        message: 'expiresAt must be a numeric string such as "1700000000"',
      },
    ])
  })

  test('a string statusCode is reported on statusCode', async () => {
    server().setDefault(json({ statusCode: '200', message: 'ok', data: {} }))
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect((error as ResponseValidationError).issues).toEqual([
      { path: 'statusCode', message: 'statusCode must be a number' },
    ])
  })

  test('a JSON array is not an envelope', async () => {
    server().setDefault(json([OK]))
    const error = await rejection(client().getWechatMpAccessTokenInfo(DTO))
    expect((error as ResponseValidationError).issues).toEqual([
      { path: '', message: 'the response body is not a JSON object' },
    ])
  })
})

describe('oversized bodies', () => {
  test('a 200 body beyond maxResponseBytes is refused without reading it all', async () => {
    server().setDefault((_captured, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      // Chunked, no content-length: the client must stop reading by itself.
      res.write(`{"statusCode":200,"message":"${'a'.repeat(5000)}`)
      res.write('b'.repeat(5000))
      res.end('"}')
    })
    const error = await rejection(
      client({ maxResponseBytes: 1024 }).getWechatMpAccessTokenInfo(DTO),
    )
    expect(error).toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: '', message: 'the response body is larger than maxResponseBytes' }],
    })
  })

  test('a response that a user hook put in place is read with the same bound', async () => {
    const big = JSON.stringify({ statusCode: 200, message: 'x'.repeat(5000), data: {} })
    const c = client({
      maxResponseBytes: 1024,
      hooks: { afterResponse: [() => new Response(big, { status: 200 })] },
    })
    const error = await rejection(c.getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({
      name: 'ResponseValidationError',
      issues: [{ path: '', message: 'the response body is larger than maxResponseBytes' }],
    })
  })

  test('an error response that a user hook put in place becomes an HttpError with its body', async () => {
    const c = client({
      hooks: { afterResponse: [() => new Response('<p>tenant suspended</p>', { status: 403 })] },
    })
    const error = await rejection(c.getWechatMpAccessTokenInfo(DTO))
    expect(error).toMatchObject({
      name: 'HttpError',
      status: 403,
      bodyExcerpt: '<p>tenant suspended</p>',
    })
    expect(server().requests).toHaveLength(1)
  })

  test('a 500 body announced larger than maxResponseBytes becomes an HttpError with an excerpt', async () => {
    server().setDefault(text(`<html>${'x'.repeat(10_000)}</html>`, 500))
    const error = await rejection(
      client({ maxResponseBytes: 1024, retry: 0 }).getWechatMpAccessTokenInfo(DTO),
    )
    expect(error).toMatchObject({ name: 'HttpError', status: 500 })
    expect((error as HttpError).bodyExcerpt.startsWith('<html>xxxx')).toBe(true)
  })
})
