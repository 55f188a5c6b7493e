import * as v from 'valibot'
import { ENDPOINT_NAMES } from '../endpoint-name.js'
import { FaultSchema } from '../faults/fault-schema.js'
import {
  REQUEST_RESULTS,
  type RecordedRequest,
  type RequestCounts,
} from '../state/request-record.js'
import type { ClockView } from './control-client.js'

const FAULT_KINDS = FaultSchema.options.map((option) => option.entries.kind.literal)

/** `{ ids }` from adding or setting fault rules. */
export const IdsResponseSchema = v.object({ ids: v.array(v.string()) })

/** The clock as the control API reports it. */
export const ClockViewSchema = v.object({
  now: v.number(),
  nowSeconds: v.number(),
  frozen: v.boolean(),
}) satisfies v.GenericSchema<unknown, ClockView>

/** Per-endpoint counts. */
export const CountsSchema = v.object({
  'get-wechat-access-token-info': v.number(),
  'get-wechat-access-token': v.number(),
  preflight: v.number(),
  other: v.number(),
}) satisfies v.GenericSchema<unknown, RequestCounts>

/** One recorded request. */
export const RecordedRequestSchema = v.object({
  seq: v.number(),
  requestId: v.string(),
  receivedAt: v.number(),
  method: v.string(),
  path: v.string(),
  endpoint: v.picklist([...ENDPOINT_NAMES, 'other']),
  headers: v.record(v.string(), v.string()),
  appId: v.exactOptional(v.string()),
  authorization: v.picklist(['none', 'raw', 'bearer']),
  body: v.exactOptional(v.unknown()),
  bodyText: v.exactOptional(v.string()),
  outcome: v.object({
    result: v.picklist(REQUEST_RESULTS),
    status: v.number(),
    statusCode: v.exactOptional(v.number()),
    apiCode: v.exactOptional(v.number()),
    fault: v.exactOptional(v.picklist(FAULT_KINDS)),
  }),
}) satisfies v.GenericSchema<unknown, RecordedRequest>

/** `GET /__emulator/requests`. */
export const RequestsResponseSchema = v.object({
  requests: v.array(RecordedRequestSchema),
  counts: CountsSchema,
})

/** One cached token. */
export const CachedTokenSchema = v.object({
  wechatAppId: v.string(),
  accessToken: v.string(),
  expiresAt: v.number(),
  issuedAt: v.number(),
  generation: v.number(),
})

/** `GET /__emulator/tokens`. */
export const TokensResponseSchema = v.object({ tokens: v.array(CachedTokenSchema) })

/** `DELETE /__emulator/tokens`. */
export const InvalidatedResponseSchema = v.object({ invalidated: v.number() })

/** `{ ok: true }`. */
export const OkResponseSchema = v.object({ ok: v.literal(true) })

/** Any JSON object (state, settings). */
export const JsonObjectSchema = v.record(v.string(), v.unknown())

/** The error body of the control API. */
export const ErrorResponseSchema = v.object({ error: v.string() })
