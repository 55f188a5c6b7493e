import type { ControlClient } from '@authing-edge/emulator'

/** Which runtime the suite is running on, as declared by the adapter that started it. */
export interface RuntimeInfo {
  /** The matrix label, e.g. `node22`, `deno`, `workerd`, `chromium`. */
  readonly name: string
  /**
   * Whether this is a browser page. Declared by the adapter rather than detected, so the
   * browser-guard case checks the library's detection against an independent answer.
   */
  readonly browser: boolean
}

/** What every case receives. */
export interface SuiteContext {
  /** The runtime under test. */
  readonly runtime: RuntimeInfo
  /** The emulator's base URL on loopback, e.g. `http://127.0.0.1:41234`. */
  readonly emulatorUrl: string
  /** The emulator's control API (faults, clock, counts), over HTTP from this runtime. */
  readonly emulator: ControlClient
}

/** One conformance case: written once, run unchanged on every runtime. */
export interface ConformanceCase {
  /** A sentence that says what is proven, e.g. `a timeout rejects with TimeoutError`. */
  readonly name: string
  /**
   * Runs the case; resolves when it passed, rejects with the reason when it failed.
   *
   * @param ctx - the runtime and the emulator to use
   */
  run(ctx: SuiteContext): Promise<void>
}
