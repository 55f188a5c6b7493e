#!/usr/bin/env bash
# The whole test suite: provisions the toolchain and the test runtimes, then builds, type-checks,
# lints and tests every workspace member through turbo (the conformance matrix included).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bootstrap.sh
. "$ROOT/scripts/bootstrap.sh"
# shellcheck source=runtimes.sh
. "$ROOT/scripts/runtimes.sh"
cd "$ROOT"
pnpm exec turbo run build typecheck lint test --output-logs=new-only "$@"
pnpm exec biome check scripts .changeset ./*.json ./*.ts
