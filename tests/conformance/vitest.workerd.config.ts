import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// The workerd leg: the suite runs inside workerd through the Cloudflare vitest plugin.
export default defineConfig({
  plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' } })],
  test: {
    name: 'workerd',
    include: ['vitest/conformance.test.ts'],
    globalSetup: ['vitest/global-setup.ts'],
    provide: { conformanceRuntime: { name: 'workerd', browser: false } },
    testTimeout: 20_000,
  },
})
