import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'

// The Chromium leg: the suite runs in a page of Debian's headless Chromium, driven by playwright
// (never `playwright install`: the browser must come from CHROMIUM_PATH).
const executablePath = process.env.CHROMIUM_PATH
if (!executablePath) throw new Error('CHROMIUM_PATH is not set (source scripts/runtimes.sh first)')

export default defineConfig({
  test: {
    name: 'chromium',
    include: ['vitest/conformance.test.ts'],
    globalSetup: ['vitest/global-setup.ts'],
    provide: { conformanceRuntime: { name: 'chromium', browser: true } },
    testTimeout: 20_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
})
