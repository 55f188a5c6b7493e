/** A signal that aborts when any of its sources does, and a way to let go of the sources. */
export interface LinkedSignal {
  /** Aborts with the reason of the first source that aborts. */
  readonly signal: AbortSignal
  /** Removes the listeners from the sources; call it when the work is done. */
  dispose(): void
}

/**
 * Links abort signals. Unlike `AbortSignal.any`, it removes its listeners when disposed, so
 * thousands of requests linked to one long-lived emulator signal leave nothing behind.
 *
 * @param sources - the signals to follow
 * @returns the linked signal
 */
export function linkSignals(sources: readonly AbortSignal[]): LinkedSignal {
  const controller = new AbortController()
  const listeners: [AbortSignal, () => void][] = []
  const dispose = (): void => {
    for (const [source, listener] of listeners.splice(0)) {
      source.removeEventListener('abort', listener)
    }
  }
  for (const source of sources) {
    if (source.aborted) {
      controller.abort(source.reason)
      break
    }
    const listener = (): void => {
      controller.abort(source.reason)
      dispose()
    }
    source.addEventListener('abort', listener, { once: true })
    listeners.push([source, listener])
  }
  if (controller.signal.aborted) dispose()
  return { signal: controller.signal, dispose }
}
