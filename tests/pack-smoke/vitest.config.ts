import { defineConfig } from 'vitest/config'
import { projectNodePath } from './src/consumer-project.ts'

// The tools the gates spawn (npm, size-limit, typedoc, ...) start with `#!/usr/bin/env node`:
// put the Node running this suite (the project's Node 24) first on PATH, so a machine's older
// Node never runs them (size-limit 14 needs Node 22+). Workers and child processes inherit it.
process.env.PATH = projectNodePath()

// The release gates. They share one set of tarballs and one installed consumer project (made by
// the global setup), call external tools that are slow and CPU-hungry, and run one file at a time.
export default defineConfig({
  test: {
    name: 'pack-smoke',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
    reporters: ['verbose', './src/gate-reporter.ts'],
  },
})
