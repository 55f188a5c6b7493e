const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/**
 * The reason phrase of an HTTP status.
 *
 * @param status - an HTTP status
 * @returns e.g. `Bad Gateway`, or `Error` for statuses without a common phrase
 */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? 'Error'
}

/**
 * The kind of HTML page a reverse proxy serves when the service behind it fails.
 *
 * @param status - the HTTP status
 * @returns an HTML document
 */
export function gatewayErrorPage(status: number): string {
  const title = `${status} ${reasonPhrase(status)}`
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>emulated gateway</center>\r\n</body>\r\n</html>\r\n`
}
