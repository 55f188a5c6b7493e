// Size budgets, one per published entry point, measured as a consumer's bundler would ship them:
// bundled with their dependencies (ky, valibot, @authing-edge/types), minified, gzipped. Each
// entry point is measured whole (every export kept); the limit is the measured size plus about
// 10 % (2026-11-22: types 2508 B, core 19096 B, core/internal 13818 B, legacy 14796 B, emulator
// 12773 B, emulator/node 15291 B). On top of that, the client alone as an app ships it
// (`import { AuthenticationClient }`, tree-shaken) measured 13707 B, and 14150 B once a call's
// first attempt skipped ky (about 2 % under its budget). The 12 kB target is
// out of reach while ky 2.1 (8.9 kB min+gz alone) is the HTTP layer: its budget is the measured
// size plus about 5 %, so growth fails; bench/BENCHMARKS.md reports the target as missed.
// Run `pnpm exec size-limit` after `pnpm build`; tests/pack-smoke runs it with the other gates
// and checks that every entry point has a budget.
import type { SizeLimitConfig } from 'size-limit'

/** Bundles for Node: `node:*` imports stay external instead of failing to resolve. */
function forNode<T extends object>(config?: T): T {
  if (config === undefined) throw new Error('size-limit passed no rolldown configuration')
  return Object.assign(config, { platform: 'node' })
}

export default [
  {
    name: '@authing-edge/types',
    path: 'packages/types/dist/index.js',
    gzip: true,
    limit: '2.8 kB',
  },
  {
    name: '@authing-edge/core',
    path: 'packages/core/dist/index.js',
    gzip: true,
    limit: '21 kB',
  },
  {
    // What an app that only calls the client ships (tree-shaken).
    name: '@authing-edge/core, AuthenticationClient alone',
    path: 'packages/core/dist/index.js',
    import: '{ AuthenticationClient }',
    gzip: true,
    limit: '14.4 kB',
  },
  {
    name: '@authing-edge/core/internal',
    path: 'packages/core/dist/internal.js',
    gzip: true,
    limit: '15.5 kB',
  },
  {
    name: '@authing-edge/legacy',
    path: 'packages/legacy/dist/index.js',
    gzip: true,
    limit: '16.5 kB',
  },
  {
    name: '@authing-edge/emulator',
    path: 'packages/emulator/dist/index.js',
    gzip: true,
    limit: '14 kB',
  },
  {
    name: '@authing-edge/emulator/node',
    path: 'packages/emulator/dist/node.js',
    gzip: true,
    limit: '17 kB',
    modifyRolldownConfig: forNode,
  },
] satisfies SizeLimitConfig
