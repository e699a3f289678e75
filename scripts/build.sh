#!/usr/bin/env bash
# Configures and builds one tree. Usage: scripts/build.sh [DIR [cmake args]]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build}
shift || true
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build "$dir" -j"$(nproc)" 2>&1 | grep -vE '^\[|^-- |Built target|Scanning|Consolidate' || true
test "${PIPESTATUS[0]}" -eq 0
