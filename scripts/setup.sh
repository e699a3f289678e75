#!/usr/bin/env bash
# Installs every Debian package parallax needs, and nothing when all are
# present (one dpkg query, no network). Idempotent. Usage:
#   scripts/setup.sh          build, test and run dependencies
#   scripts/setup.sh --bench  also what bench/ compares against
set -euo pipefail

pkgs=(build-essential cmake pkg-config clang clang-format clang-tidy
      libclang-rt-14-dev libxml2-dev libicu-dev zlib1g-dev libjansson-dev
      libcld2-dev)
if [[ "${1:-}" == "--bench" ]]; then
    pkgs+=(python3 python3-readability python3-lxml time)
    # A node.js from another source (nodesource) may be installed; it ships
    # npm and conflicts with Debian's npm package, so ask only for what lacks.
    command -v node >/dev/null || pkgs+=(nodejs)
    command -v npm >/dev/null || pkgs+=(npm)
fi

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
            grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
