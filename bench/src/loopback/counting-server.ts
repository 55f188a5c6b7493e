/** An upstream the harness can point clients at and ask how many calls reached it. */
export interface CountingServer {
  /** Base URL to use as `appHost`, e.g. `http://127.0.0.1:40123`. */
  readonly url: string
  /** Requests answered with the token envelope so far. */
  hits(): number | Promise<number>
  /** Stops the server. */
  close(): Promise<void>
}
