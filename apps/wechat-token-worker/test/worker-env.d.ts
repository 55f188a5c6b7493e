// Types of 'cloudflare:workers' in the tests: the bindings `env` has (the Worker's own, from
// wrangler.jsonc and vitest.config.ts, plus what only the tests use) and the Worker's exports.
import type { WorkerEnv } from '../src/env.js'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      /** A loopback URL where nothing listens: an Authing host that is down. */
      readonly DEAD_UPSTREAM_URL: string
    }
    interface GlobalProps {
      mainModule: typeof import('../src/index.js')
    }
  }
}
