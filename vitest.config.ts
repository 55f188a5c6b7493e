import { defineConfig } from 'vitest/config'

// Running `vitest` at the root runs every workspace member's own configuration as a project.
// The per-runtime conformance matrix (tests/conformance) has its own runner and is not listed.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'bench'],
  },
})
