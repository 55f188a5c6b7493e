import type { RuntimeInfo } from '../src/case.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The emulator's base URL, from vitest/global-setup.ts. */
    emulatorUrl: string
    /** The runtime under test, from the vitest config. */
    conformanceRuntime: RuntimeInfo
  }
}
