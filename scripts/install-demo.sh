#!/usr/bin/env bash
# Installs the freshly built package into www/ the way a customer would: `npm pack` of pkg/,
# then `npm install` of that tarball.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/pack
tgz=$(npm pack ./pkg --pack-destination target/pack --silent | tail -1)
(cd www && npm install --no-save --no-package-lock --no-audit --no-fund "../target/pack/$tgz" >/dev/null)
echo "www/node_modules/prevalida ← target/pack/$tgz"
