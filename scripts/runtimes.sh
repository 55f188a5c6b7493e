#!/usr/bin/env bash
# Test runtimes for the conformance matrix, from the npm registry (node@22, deno, bun) and from
# Debian (chromium), installed once into .toolchain/runtimes. Sourced by scripts/test.sh after
# scripts/bootstrap.sh; exports NODE22_BIN, DENO_BIN, BUN_BIN and CHROMIUM_PATH.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
. "$ROOT/scripts/toolchain.env"
RT="$ROOT/.toolchain/runtimes"
rt_log() { printf '[runtimes] %s\n' "$*" >&2; }

rt_ok() {
  [ -x "$RT/node_modules/node/bin/node" ] && [ "$("$RT/node_modules/node/bin/node" --version)" = "v$NODE22_VERSION" ] &&
    "$RT/node_modules/.bin/deno" --version 2>/dev/null | grep -q "deno $DENO_VERSION" &&
    [ "$("$RT/node_modules/.bin/bun" --version 2>/dev/null)" = "$BUN_VERSION" ]
}
if ! rt_ok; then
  rt_log "installing node@$NODE22_VERSION, deno@$DENO_VERSION and bun@$BUN_VERSION into .toolchain/runtimes"
  mkdir -p "$RT"
  printf '{ "private": true, "name": "authing-edge-runtimes" }\n' > "$RT/package.json"
  # The machine's npm (Node 20) runs the packages' install scripts, which unpack the binaries
  # shipped inside their platform packages; nothing is downloaded from outside the registry.
  npm install --prefix "$RT" --no-save --no-audit --no-fund --loglevel=error \
    "node@$NODE22_VERSION" "deno@$DENO_VERSION" "bun@$BUN_VERSION" >&2
  rt_ok || { rt_log "runtime install failed"; exit 1; }
else
  rt_log "node v$NODE22_VERSION, deno $DENO_VERSION and bun $BUN_VERSION already in .toolchain/runtimes"
fi
export NODE22_BIN="$RT/node_modules/node/bin/node"
export DENO_BIN="$RT/node_modules/.bin/deno"
export BUN_BIN="$RT/node_modules/.bin/bun"
export DENO_DIR="$RT/deno-dir"

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    rt_log "installing Debian's chromium (for the browser tests)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  else
    rt_log "chromium is missing at /usr/bin/chromium and cannot be installed (needs root and apt-get)"
    exit 1
  fi
fi
export CHROMIUM_PATH=/usr/bin/chromium
