#!/usr/bin/env node
import { startCli } from './node/run-cli.js'
import { stopServer } from './node/stop-server.js'

/** The clean stop's bound; the server's own close() gives its connections 2 s of it. */
const STOP_LIMIT_MS = 3_000
/** After a clean stop nothing should hold the process; if something does, exit after this. */
const LINGER_LIMIT_MS = 2_000

// Ctrl-C or SIGTERM closes the server (ending hanging and keep-alive connections) and exits 0;
// a second signal exits at once.
const result = await startCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
})

if (typeof result === 'number') {
  process.exitCode = result
} else {
  let stopping = false
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.exit(signal === 'SIGINT' ? 130 : 143)
    }
    stopping = true
    void stopServer(result, STOP_LIMIT_MS).then((outcome) => {
      if (!outcome.stopped) {
        // The last resort, only after the clean attempt failed or ran out of time.
        process.stderr.write(`authing-emulator: ${outcome.reason}; exiting anyway\n`)
        process.exit(1)
      }
      process.stdout.write('Authing emulator stopped.\n')
      process.exitCode = 0
      // Every connection is released, so the process exits on its own now. Should anything
      // else still hold the event loop, do not hang on it (unref'd: it never delays an exit).
      setTimeout(() => {
        process.stderr.write('authing-emulator: warning: something kept the process alive\n')
        process.exit(0)
      }, LINGER_LIMIT_MS).unref()
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
