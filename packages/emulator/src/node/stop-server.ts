/** How stopping went: stopped cleanly, or why not. */
export type StopOutcome =
  | { readonly stopped: true }
  | { readonly stopped: false; readonly reason: string }

/**
 * Closes a server, but never waits on it forever: the clean attempt gets `limitMs`, after
 * which the caller can exit anyway (the CLI's last resort). The timer is deliberately not
 * unref'd: when a leaked handle is all that is left, an unref'd timer would let the process
 * drift into Node's exit-time cleanup, where it can spin forever.
 *
 * @param server - what to close
 * @param limitMs - how long the clean attempt may take
 * @returns `{ stopped: true }`, or `{ stopped: false, reason }` when close() failed or was late
 * @example
 * ```ts
 * const outcome = await stopServer(server, 3_000)
 * if (!outcome.stopped) process.exit(1)
 * ```
 */
export function stopServer(
  server: { close(): Promise<void> },
  limitMs: number,
): Promise<StopOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<StopOutcome>((resolve) => {
    timer = setTimeout(
      () => resolve({ stopped: false, reason: `did not stop within ${limitMs} ms` }),
      limitMs,
    )
  })
  const closed = server.close().then(
    (): StopOutcome => ({ stopped: true }),
    (error: unknown): StopOutcome => ({
      stopped: false,
      reason: `error while stopping: ${error instanceof Error ? error.message : String(error)}`,
    }),
  )
  return Promise.race([closed, late]).finally(() => clearTimeout(timer))
}
