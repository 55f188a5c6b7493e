#!/usr/bin/env bash
# Provision the project's toolchain from the npm registry into ./.toolchain (git-ignored), then
# install the workspace. Changes nothing global. A second run finds everything in place.
#
# Usage: source scripts/bootstrap.sh   (or run it; sourcing also exports PATH for the caller)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=toolchain.env
. "$ROOT/scripts/toolchain.env"
TOOLCHAIN="$ROOT/.toolchain"
BIN="$TOOLCHAIN/node_modules/.bin"

log() { printf '[bootstrap] %s\n' "$*" >&2; }

have_toolchain() {
  [ -x "$BIN/node" ] && [ -x "$BIN/pnpm" ] &&
    [ "$("$BIN/node" --version 2>/dev/null)" = "v$NODE_VERSION" ] &&
    [ "$("$BIN/pnpm" --version 2>/dev/null)" = "$PNPM_VERSION" ]
}

if ! have_toolchain; then
  command -v npm >/dev/null || { log "npm is required to provision Node $NODE_VERSION"; exit 1; }
  log "installing node@$NODE_VERSION and pnpm@$PNPM_VERSION into .toolchain (npm registry)"
  mkdir -p "$TOOLCHAIN"
  printf '{ "private": true, "name": "authing-edge-toolchain" }\n' > "$TOOLCHAIN/package.json"
  # Scoped to the folder: no global install, no npm cache outside the usual user cache.
  npm install --prefix "$TOOLCHAIN" --no-save --no-audit --no-fund --loglevel=error \
    "node@$NODE_VERSION" "pnpm@$PNPM_VERSION" >&2
  have_toolchain || { log "toolchain install did not produce node v$NODE_VERSION / pnpm $PNPM_VERSION"; exit 1; }
else
  log "node v$NODE_VERSION and pnpm $PNPM_VERSION already in .toolchain"
fi

export PATH="$BIN:$PATH"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1 WRANGLER_SEND_METRICS=false CLOUDFLARE_CF_FETCH_ENABLED=false
export PNPM_HOME="$TOOLCHAIN/pnpm-home"
export npm_config_store_dir="${npm_config_store_dir:-$TOOLCHAIN/pnpm-store}"

# Install workspace dependencies only when the lockfile or a manifest changed since the last install.
stamp="$ROOT/node_modules/.bootstrap-stamp"
want="$(cat "$ROOT/pnpm-lock.yaml" "$ROOT"/package.json "$ROOT"/packages/*/package.json "$ROOT"/apps/*/package.json "$ROOT"/tests/*/package.json 2>/dev/null | sha256sum | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "installing workspace dependencies (pnpm install --frozen-lockfile)"
  (cd "$ROOT" && pnpm install --frozen-lockfile --config.confirmModulesPurge=false --reporter=append-only >&2)
  printf '%s' "$want" > "$stamp"
else
  log "workspace dependencies up to date"
fi
