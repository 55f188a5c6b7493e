/** `content-type` of every JSON response. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/**
 * A JSON response.
 *
 * @param body - serialised with `JSON.stringify`
 * @param status - HTTP status
 * @param headers - extra headers
 * @default status 200
 * @returns the response
 */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_CONTENT_TYPE, ...headers },
  })
}
