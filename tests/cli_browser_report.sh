#!/usr/bin/env bash
# Browser test of the HTML report (issue 6): `parallax report` on the
# bundled sample plus the seed pages (when ../shared/seeds is present),
# opened in headless chromium driven by playwright-core
# (tests/browser/report.mjs): no console or page error, nothing loaded
# from outside the file, Arabic blocks right-to-left and right-aligned,
# Arabic and Chinese drawn with installed fonts covering those scripts, no
# missing glyph. Screenshots and the report are kept in BUILD/artefacts/.
# Prints SKIP and passes when chromium, node (>= 18) or playwright-core is
# absent (with chromium alone, a bare headless screenshot is still taken
# and its console checked). Usage: cli_browser_report.sh PATH/TO/parallax
set -u
px=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/browser/env.sh"
tmp=$(mktemp -d)
cleanup() {
    if [[ -n "$browser_pid" ]]; then
        kill "$browser_pid" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

inputs=("$src/data/sample")
seeds=${PX_SHARED_DIR:-$src/../shared}/seeds
if [[ -d "$seeds" ]]; then
    inputs+=("$seeds")
else
    echo "SKIP: seeds absent (report of the sample only)"
fi
if ! timeout 60 "$px" report -o "$tmp/report.html" "${inputs[@]}" \
        >"$tmp/out" 2>"$tmp/err"; then
    echo "FAIL: parallax report: $(head -3 "$tmp/err")" >&2
    exit 1
fi
mkdir -p "$artefacts"
cp "$tmp/report.html" "$artefacts/report.html"
echo "artefact: $artefacts/report.html"

why=$(browser_missing)
if [[ -z "$why" ]]; then
    run_browser report.mjs "$artefacts/report.html"
    exit $?
fi
echo "SKIP: $why (browser checks of the report)"
if [[ -z "$chromium_bin" ]]; then
    exit 0
fi
# Chromium without playwright: a bare headless render and its console.
timeout -k 5 60 "$chromium_bin" --headless --no-sandbox --disable-gpu \
    --enable-logging=stderr --v=0 --window-size=1400,2000 \
    --screenshot="$artefacts/report-bare.png" \
    "file://$artefacts/report.html" >"$tmp/chrome.out" 2>"$tmp/chrome.err"
echo "artefact: $artefacts/report-bare.png"
if [[ ! -s "$artefacts/report-bare.png" ]]; then
    echo "FAIL: chromium wrote no screenshot" >&2
    exit 1
fi
if grep -q CONSOLE "$tmp/chrome.err"; then
    echo "FAIL: console: $(grep CONSOLE "$tmp/chrome.err" | head -3)" >&2
    exit 1
fi
echo "1 passed, 0 failed"
