import { DEMO_APP } from '@authing-edge/emulator'
import { cloudflareTest } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

/** A broker token that exists only in these tests. */
const TEST_BROKER_TOKEN = 'test-broker-token-8c2f5e0b7a1d4e69'

export default defineConfig({
  test: {
    // The Worker logs a JSON line per request: show the logs of failing tests only.
    silent: 'passed-only',
    projects: [
      {
        // The Worker inside workerd, configured from wrangler.jsonc, talking to the emulator
        // that the global setup starts in Node; tests read the same values from `env`.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.jsonc' },
            miniflare: {
              // wrangler.jsonc turns Node compatibility off; vitest's runner still probes
              // node:inspector, which this flag provides without re-enabling the rest.
              compatibilityFlags: ['enable_nodejs_inspector_module'],
              bindings: {
                AUTHING_APP_ID: DEMO_APP.appId,
                AUTHING_APP_HOST: inject('emulatorUrl'),
                WECHAT_APP_ID: DEMO_APP.wechatAppId,
                WECHAT_APP_SECRET: DEMO_APP.wechatAppSecret,
                BROKER_TOKEN: TEST_BROKER_TOKEN,
                DEAD_UPSTREAM_URL: inject('deadUpstreamUrl'),
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['src/**/*.test.ts'],
          globalSetup: ['./test/global-setup.ts'],
          // Files share one emulator (its faults, clock and counts): one file at a time.
          fileParallelism: false,
        },
      },
      {
        // The main job, `bash scripts/start.sh --once`, in Node.
        test: {
          name: 'main-job',
          include: ['scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
        },
      },
    ],
  },
})
