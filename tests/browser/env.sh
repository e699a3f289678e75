# env.sh - sourced by tests/cli_browser_*.sh after they set $px (the
# parallax program) and $here (tests/). Sets src (the source tree),
# chromium_bin, node_bin, pw (the unpacked playwright-core that
# scripts/fetch_data.sh fetches) and artefacts (BUILD/artefacts, where the
# screenshots go); browser_missing prints why the browser checks cannot run,
# nothing when they can. PX_CHROMIUM, PX_NPM_CACHE override the defaults.
src=${PX_SOURCE_DIR:-$here/..}
chromium_bin=${PX_CHROMIUM:-$(command -v chromium || true)}
node_bin=$(command -v node || true)
pw=""
for d in "${PX_NPM_CACHE:-$src/.cache/npm}"/playwright-core-*/package; do
    if [[ -f "$d/index.js" ]]; then
        pw=$d
    fi
done
artefacts=${PX_BINARY_DIR:-$(dirname "$px")}/artefacts

browser_missing() {
    if [[ -z "$chromium_bin" ]]; then
        echo "chromium absent"
    elif [[ -z "$node_bin" ]]; then
        echo "node absent"
    elif ! "$node_bin" -e \
            'process.exit(parseInt(process.versions.node) >= 20 ? 0 : 1)'; then
        echo "node older than 20"
    elif [[ -z "$pw" ]]; then
        echo "playwright-core absent (scripts/fetch_data.sh fetches it)"
    fi
}

# Runs one browser script (tests/browser/NAME.mjs ARGS...) with a hard
# time limit; its screenshots go to $artefacts.
run_browser() {
    local script=$1
    shift
    mkdir -p "$artefacts"
    PX_ARTEFACTS=$artefacts PX_PLAYWRIGHT=$pw PX_CHROMIUM=$chromium_bin \
        timeout -k 5 90 "$node_bin" "$here/browser/$script" "$@"
}
