import { defineConfig } from 'tsdown'

// One build, three entries: the edge-safe handler, the Node server and the CLI. Shared code
// lands in chunks, so `./node` and `.` share one copy of the emulator.
export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts', 'src/cli.ts'],
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  dts: true,
  sourcemap: true,
  fixedExtension: false,
})
