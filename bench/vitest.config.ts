import { defineProject } from 'vitest/config'

// Only deterministic checks run here (statistics, the harness pieces and the bundle-size budget);
// timings are measured by `pnpm bench`, never asserted in tests.
export default defineProject({
  test: {
    name: 'bench',
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
  },
})
