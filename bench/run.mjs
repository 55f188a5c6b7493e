// `pnpm bench`: the benchmark run. The harness is TypeScript, run by Node's type stripping
// (Node >= 22.18); build the workspace first (`pnpm build`) so @authing-edge/core has a dist.
await import('./src/main.ts')
