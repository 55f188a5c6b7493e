#!/usr/bin/env bash
# The project's main job, on a fresh clone: provisions the toolchain, builds what the Worker
# depends on, starts the Authing emulator and the wechat-token-worker (`wrangler dev --local`)
# on free loopback ports, fetches one WeChat access token through the Worker, prints it with a
# ready-to-paste curl line, and serves until Ctrl-C, which stops both.
#
# Usage: bash scripts/start.sh [--once]
#   --once   exit 0 right after printing the token (tests, CI)
#   --help   show this help
set -euo pipefail
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
# Arguments are checked before anything is provisioned, so a typo fails at once.
for arg in "$@"; do
  case "$arg" in
    --once) ;;
    --help | -h) usage; exit 0 ;;
    *) printf 'start.sh: unknown argument %s\n\n' "$arg" >&2; usage >&2; exit 2 ;;
  esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Provisions Node and pnpm into .toolchain, installs the workspace, exports PATH,
# WRANGLER_SEND_METRICS=false and CLOUDFLARE_CF_FETCH_ENABLED=false.
# shellcheck source=bootstrap.sh
. "$ROOT/scripts/bootstrap.sh"
cd "$ROOT"

printf '[start] building the dependencies of wechat-token-worker\n' >&2
# stdout carries only the token and the curl line: the build log goes to stderr.
# Dependencies only (^): wrangler dev bundles src/ itself and never reads the Worker's own build
# (a `wrangler deploy --dry-run` into dist/).
pnpm exec turbo run build --filter='wechat-token-worker^...' --output-logs=errors-only >&2

# exec: the orchestrator gets the terminal's Ctrl-C directly and stops wrangler's process group
# (wrangler runs detached, so the signal reaches it only through the orchestrator, in order).
exec node "$ROOT/apps/wechat-token-worker/scripts/main-job.ts" "$@"
