import * as v from 'valibot'

/** The emulated endpoints, named after their last path segment. */
export const EndpointNameSchema = v.picklist(
  ['get-wechat-access-token-info', 'get-wechat-access-token'],
  'endpoint must be "get-wechat-access-token-info" or "get-wechat-access-token"',
)

/**
 * An emulated endpoint: `get-wechat-access-token-info` (current) or `get-wechat-access-token`
 * (deprecated), both `POST /api/v3/<name>`.
 */
export type EndpointName = v.InferOutput<typeof EndpointNameSchema>

/** Every emulated endpoint. */
export const ENDPOINT_NAMES: readonly EndpointName[] = EndpointNameSchema.options

/**
 * The path of an endpoint below the base path.
 *
 * @param name - the endpoint
 * @returns e.g. `/api/v3/get-wechat-access-token-info`
 */
export function endpointPath(name: EndpointName): string {
  return `/api/v3/${name}`
}
