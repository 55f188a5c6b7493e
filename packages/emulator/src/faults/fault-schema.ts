import * as v from 'valibot'

const Milliseconds = v.pipe(
  v.number('must be a number of milliseconds'),
  v.safeInteger('must be a whole number of milliseconds'),
  v.minValue(0, 'must not be negative'),
)

const PositiveInteger = v.pipe(
  v.number('must be a number'),
  v.safeInteger('must be a whole number'),
  v.minValue(1, 'must be at least 1'),
)

/** Fields every fault accepts. */
const common = {
  /** Wait this long (real time, abortable) before the fault takes effect. */
  delayMs: v.exactOptional(Milliseconds),
}

const fault = <K extends string, E extends v.ObjectEntries>(kind: K, entries: E) =>
  v.strictObject({ kind: v.literal(kind), ...common, ...entries })

/** `{ kind: 'none' }`: respond normally. A placeholder step in a sequence. */
export const NoneFaultSchema = fault('none', {})

/** Adds `ms` of latency, then responds normally. */
export const LatencyFaultSchema = fault('latency', { ms: Milliseconds })

/** A gateway-style HTTP error (5xx by default): an HTML page, a JSON body, text or nothing. */
export const HttpErrorFaultSchema = fault('http-error', {
  /** HTTP status, 400-599. @default 502 */
  status: v.exactOptional(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599))),
  /** What the body is. @default 'html' */
  body: v.exactOptional(v.picklist(['html', 'json', 'text', 'empty'])),
})

/** HTTP 429 with the upstream's `{"statusCode":429,"message":"..."}` body and `Retry-After`. */
export const RateLimitFaultSchema = fault('rate-limit', {
  /**
   * `Retry-After`: a number of seconds, a raw header value (an HTTP date, an absurd number,
   * garbage), or `false` for no header. @default 1
   */
  retryAfter: v.exactOptional(
    v.union([v.pipe(v.number(), v.minValue(0)), v.string(), v.literal(false)]),
  ),
  /** Send a numeric `retryAfter` as seconds or as an HTTP date that far ahead. @default 'seconds' */
  retryAfterFormat: v.exactOptional(v.picklist(['seconds', 'http-date'])),
})

/** Resets the connection: the Node server destroys the socket, in-process fetch rejects. */
export const ResetFaultSchema = fault('reset', {})

/** Never answers, until the client aborts, the emulator resets or the server closes. */
export const HangFaultSchema = fault('hang', {})

/** HTTP 200, `application/json`, a body that is not JSON. */
export const MalformedJsonFaultSchema = fault('malformed-json', {
  /** The body to send. @default '{"statusCode":200,"message":' */
  body: v.exactOptional(v.string()),
})

/** The normal body cut in half; with `abort`, the connection also drops mid-body. */
export const TruncatedFaultSchema = fault('truncated', {
  /** Declare the full `Content-Length` and fail the stream after the partial body. */
  abort: v.exactOptional(v.boolean()),
})

/** Envelope fields of the normal body whose type a `wrong-types` fault changes. */
export const WrongTypeFieldSchema = v.picklist([
  'statusCode',
  'message',
  'apiCode',
  'requestId',
  'data',
  'accessToken',
  'expiresAt',
])

/** The normal body with one field of the wrong type (e.g. `accessToken` as a number). */
export const WrongTypesFaultSchema = fault('wrong-types', {
  /** Which field. @default 'accessToken' */
  field: v.exactOptional(WrongTypeFieldSchema),
})

/** A 3xx redirect, by default to another host. */
export const RedirectFaultSchema = fault('redirect', {
  /** @default 302 */
  status: v.exactOptional(v.picklist([301, 302, 303, 307, 308])),
  /** @default 'https://redirected.example.com/api/v3/get-wechat-access-token-info' */
  location: v.exactOptional(v.string()),
})

/** The normal body with a non-JSON `content-type`. */
export const ContentTypeFaultSchema = fault('content-type', {
  /** @default 'text/html; charset=utf-8' */
  contentType: v.exactOptional(v.string()),
})

/** The normal JSON body padded with a `padding` field to about `bytes` bytes, streamed. */
export const HugeBodyFaultSchema = fault('huge-body', {
  /** @default 8_388_608 (8 MiB) */
  bytes: v.exactOptional(v.pipe(PositiveInteger, v.maxValue(1_073_741_824))),
})

/** The normal body trickled: `chunkBytes` bytes every `intervalMs`. */
export const SlowDripFaultSchema = fault('slow-drip', {
  /** @default 8 */
  chunkBytes: v.exactOptional(PositiveInteger),
  /** @default 100 */
  intervalMs: v.exactOptional(Milliseconds),
})

/** A success envelope whose `data` is missing, `{}` or `null`. */
export const MissingDataFaultSchema = fault('missing-data', {
  /** @default 'missing' */
  data: v.exactOptional(v.picklist(['missing', 'empty', 'null'])),
})

/** The normal body with extra, unknown fields in the envelope and in `data`. */
export const ExtraFieldsFaultSchema = fault('extra-fields', {
  /** @default { traceId: 'emulator-extra-field', extra: { nested: true } } */
  envelope: v.exactOptional(v.record(v.string(), v.unknown())),
  /** @default { scope: 'snsapi_base', refreshedBy: 'emulator' } */
  data: v.exactOptional(v.record(v.string(), v.unknown())),
})

/** A business-error envelope with HTTP 200 (for example "system busy"). */
export const BusinessErrorFaultSchema = fault('business-error', {
  /** @default 500 */
  statusCode: v.exactOptional(v.pipe(v.number(), v.integer())),
  /** @default 1000 */
  apiCode: v.exactOptional(v.pipe(v.number(), v.integer())),
  /** @default '系统繁忙，请稍后再试 (emulated business error)' */
  message: v.exactOptional(v.string()),
})

/** The normal success with `expiresAt` in another encoding. */
export const ExpiresAtFaultSchema = fault('expires-at', {
  format: v.picklist([
    'seconds-string',
    'seconds-number',
    'milliseconds-string',
    'milliseconds-number',
  ]),
})

/** Any fault the emulator can inject, told apart by `kind`. */
export const FaultSchema = v.variant(
  'kind',
  [
    NoneFaultSchema,
    LatencyFaultSchema,
    HttpErrorFaultSchema,
    RateLimitFaultSchema,
    ResetFaultSchema,
    HangFaultSchema,
    MalformedJsonFaultSchema,
    TruncatedFaultSchema,
    WrongTypesFaultSchema,
    RedirectFaultSchema,
    ContentTypeFaultSchema,
    HugeBodyFaultSchema,
    SlowDripFaultSchema,
    MissingDataFaultSchema,
    ExtraFieldsFaultSchema,
    BusinessErrorFaultSchema,
    ExpiresAtFaultSchema,
  ],
  'a fault needs a known "kind"',
)

/** A fault to inject; see the README for what each `kind` does. */
export type Fault = v.InferOutput<typeof FaultSchema>

/** The `kind` of a {@link Fault}. */
export type FaultKind = Fault['kind']

/** One field of the normal body that a `wrong-types` fault can break. */
export type WrongTypeField = v.InferOutput<typeof WrongTypeFieldSchema>
