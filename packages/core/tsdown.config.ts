import { defineConfig } from 'tsdown'

export default defineConfig({
  // `internal` is the `@authing-edge/core/internal` subpath used by @authing-edge/legacy; both
  // entries share one chunk for the client, so a client from either entry is the same class.
  entry: ['src/index.ts', 'src/internal.ts'],
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  fixedExtension: false,
})
