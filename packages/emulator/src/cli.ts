#!/usr/bin/env node
import { startCli } from './node/run-cli.js'

// Ctrl-C or SIGTERM closes the server (ending hanging connections) and exits 0; a second
// signal exits at once.
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
    result.close().then(
      () => {
        process.stdout.write('Authing emulator stopped.\n')
        process.exitCode = 0
        // Nothing should keep the process alive now; if something does, do not hang.
        setTimeout(() => process.exit(0), 2000).unref()
      },
      (error: unknown) => {
        process.stderr.write(`authing-emulator: error while stopping: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
