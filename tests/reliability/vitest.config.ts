import { defineConfig } from 'vitest/config'

// One file at a time: the fault matrix measures elapsed time and the soak measures memory and
// throughput, so they must not share two busy cores with each other.
export default defineConfig({
  test: {
    name: 'reliability',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    env: {
      CLOUDFLARE_CF_FETCH_ENABLED: 'false',
      WRANGLER_SEND_METRICS: 'false',
      WRANGLER_LOG: 'warn',
    },
  },
})
