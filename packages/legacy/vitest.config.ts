import { defineProject } from 'vitest/config'

export default defineProject({
  test: {
    name: 'legacy',
    include: ['src/**/*.test.ts'],
    typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // Tests start real HTTP servers on 127.0.0.1 port 0 and a few Node child processes; the
    // machine is shared, so keep it light.
    maxWorkers: 2,
  },
})
