import { defineConfig } from 'tsdown'

export default defineConfig({
  // `internal` is the `@authing-edge/core/internal` subpath used by @authing-edge/legacy.
  entry: ['src/index.ts', 'src/internal.ts'],
  // One output file per source module: with `"sideEffects": false`, a bundler then drops every
  // module an app does not import (e.g. the token cache and its schemas for a client-only Worker).
  // esbuild cannot drop unused top-level calls inside a module it keeps, even pure ones from valibot.
  unbundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  fixedExtension: false,
})
