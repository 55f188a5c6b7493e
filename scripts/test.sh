#!/usr/bin/env bash
# The whole test suite: provisions the toolchain and the test runtimes, then builds, type-checks,
# lints and tests every workspace member through turbo: unit tests, the Worker in workerd, the
# conformance matrix (Node 22 and 24, Deno, Bun, workerd, Chromium), the reliability suites, the
# release gates and the bundle budget. Ends with one `N passed, N failed` line over all of them,
# and a FAILED line after it when anything failed, a test or not (a build, a type check, lint).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
. "$ROOT/scripts/bootstrap.sh"
# shellcheck source=runtimes.sh
. "$ROOT/scripts/runtimes.sh"
cd "$ROOT"
mkdir -p .tmp
log=.tmp/test.log
status=0
# --concurrency=1: the suites start servers, workerd and Chromium; two cores are better used one
# suite at a time than by suites timing each other out.
pnpm exec turbo run build typecheck lint test --output-logs=full --concurrency=1 --continue "$@" 2>&1 |
  tee "$log" || status=$?
pnpm exec biome check scripts .changeset ./*.json ./*.ts 2>&1 | tee -a "$log" || status=$?
node scripts/summarize-tests.mjs "$log" || status=$?
# The counts above cover tests only: a task that failed before its tests ran (or a format check)
# shows only in the exit status, so say so last.
if [ "$status" -ne 0 ]; then
  printf 'FAILED (exit %s): see the failed turbo tasks or checks above\n' "$status"
fi
exit "$status"
