import type { WrongTypeField } from '@authing-edge/emulator'
import { always, type FaultCase, timedOut, viaEmulator, viaRaw } from '../fault-case.ts'

const invalid = { outcome: 'error', error: 'ResponseValidationError', attempts: 1 } as const
const MIB = 1024 * 1024

/** Answers that arrive whole (or not) but cannot be used as they are. */
export const BODY_CASES: readonly FaultCase[] = [
  {
    id: 'truncated-body',
    fault: 'truncated body (Content-Length matches the cut)',
    via: 'emulator',
    expected: invalid,
    arrange: viaEmulator(always({ kind: 'truncated' })),
  },
  {
    id: 'malformed-json',
    fault: 'malformed JSON with a JSON content type',
    via: 'emulator',
    expected: invalid,
    arrange: viaEmulator(always({ kind: 'malformed-json' })),
  },
  {
    id: 'html-page-http-200',
    fault: 'an HTML error page with HTTP 200',
    via: 'raw socket',
    expected: invalid,
    arrange: viaRaw({
      kind: 'respond',
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<!doctype html><html><body><h1>502 Bad Gateway</h1>nginx</body></html>',
    }),
  },
  ...(['accessToken', 'expiresAt', 'statusCode', 'message', 'data'] as const).map(
    (field: WrongTypeField): FaultCase => ({
      id: `wrong-type-${field}`,
      fault: `wrong type: ${field}`,
      via: 'emulator',
      expected: invalid,
      arrange: viaEmulator(always({ kind: 'wrong-types', field })),
    }),
  ),
  {
    id: 'extra-fields',
    fault: 'extra fields in the envelope and in data',
    via: 'emulator',
    expected: { outcome: 'success', attempts: 1 },
    // The runner reports 1 when the returned envelope kept the unknown fields as sent.
    extraBounds: { extraFieldsKept: { equals: 1 } },
    arrange: viaEmulator(always({ kind: 'extra-fields' })),
  },
  ...(['missing', 'empty', 'null'] as const).map(
    (data): FaultCase => ({
      id: `data-${data}`,
      fault: `success envelope with data ${data === 'missing' ? 'missing' : data === 'empty' ? '{}' : 'null'}`,
      via: 'emulator',
      expected: invalid,
      arrange: viaEmulator(always({ kind: 'missing-data', data })),
    }),
  ),
  {
    id: 'huge-body-declared',
    fault: 'huge body: 8 MiB with Content-Length (limit 64 KiB)',
    via: 'emulator',
    expected: invalid,
    extraBounds: { rssGrowthMiB: { max: 48 } },
    arrange: viaEmulator(always({ kind: 'huge-body', bytes: 8 * MIB })),
  },
  {
    id: 'huge-body-chunked',
    fault: 'huge body: 256 MiB chunked, no Content-Length (limit 64 KiB)',
    via: 'raw socket',
    expected: invalid,
    // What the server got rid of before the client hung up: socket buffers, not the body.
    extraBounds: { serverWroteMiB: { max: 32 }, rssGrowthMiB: { max: 48 } },
    arrange: async (env) => {
      const server = await env.raw({ kind: 'endless-chunked', maxBytes: 256 * MIB })
      return {
        appHost: server.url,
        extras: async () => {
          await server.whenIdle()
          return { serverWroteMiB: Math.round((server.bytesWritten / MIB) * 10) / 10 }
        },
      }
    },
  },
  {
    id: 'slow-drip-within-timeout',
    fault: 'slow drip: 64 B every 20 ms (finishes within the timeout)',
    via: 'emulator',
    expected: { outcome: 'success', attempts: 1 },
    arrange: viaEmulator(always({ kind: 'slow-drip', chunkBytes: 64, intervalMs: 20 })),
  },
  {
    id: 'slow-drip-past-timeout',
    fault: 'slow drip: 8 B every 100 ms (outlasts the timeout)',
    via: 'emulator',
    expected: timedOut(1),
    arrange: viaEmulator(always({ kind: 'slow-drip', chunkBytes: 8, intervalMs: 100 })),
  },
  {
    id: 'non-json-content-type-json-body',
    fault: 'non-JSON content type (text/html) on a valid JSON body',
    via: 'emulator',
    // Gateways mislabel bodies; the body itself is still validated in full.
    expected: { outcome: 'success', attempts: 1 },
    arrange: viaEmulator(always({ kind: 'content-type' })),
  },
  {
    id: 'non-json-content-type-text-body',
    fault: 'non-JSON content type (text/plain) on a text body, HTTP 200',
    via: 'raw socket',
    expected: invalid,
    arrange: viaRaw({
      kind: 'respond',
      status: 200,
      headers: { 'content-type': 'text/plain' },
      body: 'Service temporarily unavailable',
    }),
  },
]
