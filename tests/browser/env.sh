# env.sh - sourced by tests/cli_browser_*.sh after they set $px (the
# parallax program) and $here (tests/). Sets src (the source tree),
# chromium_bin, node_bin, pw (the unpacked playwright-core that
# scripts/fetch_data.sh fetches) and artefacts (BUILD/artefacts, where the
# screenshots go); browser_missing prints why the browser checks cannot run,
# nothing when they can. PX_CHROMIUM, PX_NPM_CACHE override the defaults.
src=${PX_SOURCE_DIR:-$here/..}
chromium_bin=${PX_CHROMIUM:-$(command -v chromium || true)}
node_bin=$(command -v node || true)
# The version scripts/fetch_data.sh pins.
pin=$(grep -o 'playwright-core@[0-9.]*' "$src/scripts/fetch_data.sh")
pw=${PX_NPM_CACHE:-$src/.cache/npm}/${pin/@/-}/package
if [[ -z "$pin" || ! -f "$pw/index.js" ]]; then
    pw=""
fi
artefacts=${PX_BINARY_DIR:-$(dirname "$px")}/artefacts

browser_missing() {
    if [[ -z "$chromium_bin" ]]; then
        echo "chromium absent"
    elif [[ -z "$node_bin" ]]; then
        echo "node absent"
    elif ! "$node_bin" -e \
            'process.exit(parseInt(process.versions.node) >= 18 ? 0 : 1)'; then
        echo "node older than 18"
    elif [[ -z "$pw" ]]; then
        echo "playwright-core absent (scripts/fetch_data.sh fetches it)"
    fi
}

# Starts one browser script (tests/browser/NAME.mjs ARGS...) in the
# background with a hard time limit and waits for it (so that INT or TERM
# reach the caller's trap at once; browser_pid is there to kill). Its
# screenshots go to $artefacts.
browser_pid=""
run_browser() {
    local script=$1
    shift
    mkdir -p "$artefacts"
    env PX_ARTEFACTS="$artefacts" PX_PLAYWRIGHT="$pw" \
        PX_CHROMIUM="$chromium_bin" timeout -k 5 90 "$node_bin" \
        "$here/browser/$script" "$@" &
    browser_pid=$!
    wait "$browser_pid"
    local rc=$?
    browser_pid=""
    return $rc
}
