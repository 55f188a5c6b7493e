import { AuthenticationClient, isConfigError } from '@authing-edge/core'
import { DEMO_APP } from '@authing-edge/emulator'
import { equal, ok, throws } from '../assert.ts'
import type { ConformanceCase } from '../case.ts'

/** The browser guard: the appSecret in the body would be visible to every visitor of a page. */
export const browserGuardCases: readonly ConformanceCase[] = [
  {
    name: 'the client refuses to start without dangerouslyAllowBrowser exactly in browsers',
    async run({ runtime, emulatorUrl }) {
      const create = () => new AuthenticationClient({ appId: DEMO_APP.appId, appHost: emulatorUrl })
      if (runtime.browser) {
        const error = throws(create, isConfigError, 'ConfigError in a browser')
        equal(error.option, 'dangerouslyAllowBrowser', 'ConfigError.option')
        const allowed = new AuthenticationClient({
          appId: DEMO_APP.appId,
          appHost: emulatorUrl,
          dangerouslyAllowBrowser: true,
        })
        equal(allowed.appHost, emulatorUrl, 'appHost of the client allowed in the browser')
      } else {
        ok(create().appHost === emulatorUrl, `a client on ${runtime.name} without the browser flag`)
      }
    },
  },
]
