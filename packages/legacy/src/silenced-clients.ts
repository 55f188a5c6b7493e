/** Clients constructed with `silenceDeprecationWarnings: true`. */
const silenced = new WeakSet<object>()

/**
 * Marks a client as not wanting deprecation warnings, whichever form of a deprecated method it
 * is passed to.
 *
 * @param client - the client being constructed
 */
export function silenceClient(client: object): void {
  silenced.add(client)
}

/**
 * Whether a client was constructed with `silenceDeprecationWarnings: true`.
 *
 * @param client - anything passed as a client
 * @returns true for a silenced client
 */
export function isSilencedClient(client: unknown): boolean {
  return typeof client === 'object' && client !== null && silenced.has(client)
}
