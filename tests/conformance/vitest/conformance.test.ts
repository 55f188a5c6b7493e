// The vitest adapter: the same cases as adapters/script.ts, one vitest test each, for the
// runtimes vitest drives: workerd (vitest.workerd.config.ts) and Chromium
// (vitest.chromium.config.ts). The emulator URL and the runtime come from the config.

import { createControlClient } from '@authing-edge/emulator'
import { inject, test } from 'vitest'
import { conformanceCases } from '../src/cases/index.ts'

const emulatorUrl = inject('emulatorUrl')
const runtime = inject('conformanceRuntime')
const ctx = { runtime, emulatorUrl, emulator: createControlClient(emulatorUrl) }

for (const testCase of conformanceCases) {
  test(testCase.name, () => testCase.run(ctx))
}
