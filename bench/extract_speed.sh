#!/usr/bin/env bash
# Read + extract speed of parallax against readability-lxml and Mozilla
# Readability (jsdom, and linkedom), side by side in one run on the same page
# list: every dev page of the extraction benchmarks (.html.gz). Each tool runs
# in its own process on one thread and times only its read + extract loop
# (see bench/README.md). Prints a table of pages/s per core (pages per CPU
# second), wall-clock pages/s and peak RSS, then the ratio of parallax to the
# fastest other tool. Exits non-zero when parallax is below 500 pages/s per
# core or below 10x the fastest other tool, or could not be built.
#
# Usage: bench/extract_speed.sh            (run it under `nice` on a shared box)
# Environment:
#   PX_SHARED_DIR     where data/extraction/ lives (default: ../shared)
#   PX_BENCH_LIMIT    use only the first N pages of the sorted list
#   PX_BENCH_ROUNDS   rounds over the list for parallax only (default 1)
#   PX_BENCH_SKIP     space-separated tools to skip: lxml jsdom linkedom
#   PX_BUILD_DIR      build tree (default: build)
#   PX_BENCH_NO_BUILD  set to 1 to use the build tree as it is
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
root=$PWD
shared=${PX_SHARED_DIR:-$root/../shared}
build=${PX_BUILD_DIR:-build}
skip=" ${PX_BENCH_SKIP:-} "
out=bench/out
mkdir -p "$out"
results=$out/extract_speed.jsonl
: >"$results"
status=0

echo "== setup" >&2
scripts/setup.sh --bench || exit 1
js=bench/readability_js
if [[ ! -d $js/node_modules ||
    $js/package-lock.json -nt $js/node_modules/.package-lock.json ]]; then
    (cd "$js" && npm ci --no-audit --no-fund >&2) || exit 1
fi

echo "== build" >&2
if [[ ${PX_BENCH_NO_BUILD:-0} != 1 ]] && ! scripts/build.sh "$build" >&2; then
    status=1
fi
if [[ ! -x $build/bench_extract ]]; then
    echo "extract_speed: parallax did not build; measuring the others only" >&2
    status=1
fi

pages=$out/pages.txt
find "$shared"/data/extraction/*/html -name '*.html.gz' 2>/dev/null |
    LC_ALL=C sort >"$pages"
if [[ -n ${PX_BENCH_LIMIT:-} ]]; then
    head -n "$PX_BENCH_LIMIT" "$pages" >"$pages.tmp" && mv "$pages.tmp" "$pages"
fi
n_pages=$(wc -l <"$pages")
if ((n_pages == 0)); then
    echo "extract_speed: no pages under $shared/data/extraction" >&2
    exit 1
fi
# Same warm page cache for every tool: read all files once first.
xargs cat <"$pages" >/dev/null

load_before=$(cut -d' ' -f1-3 /proc/loadavg)

run() { # name command...: appends the tool's JSON line to $results
    local name=$1
    shift
    if [[ $skip == *" $name "* ]]; then
        return 0
    fi
    echo "== $name ($n_pages pages)" >&2
    local line
    if line=$("$@" | tail -n 1) && [[ $line == "{"* ]]; then
        echo "$line" >>"$results"
    else
        echo "extract_speed: $name failed" >&2
        [[ $name == parallax ]] && status=1
    fi
}

if [[ -x $build/bench_extract ]]; then
    run parallax "$build/bench_extract" "$pages" "${PX_BENCH_ROUNDS:-1}"
fi
run lxml /usr/bin/python3 bench/readability_lxml.py "$pages"
run jsdom node bench/readability_js/run.mjs --dom jsdom "$pages"
run linkedom node bench/readability_js/run.mjs --dom linkedom "$pages"

load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# The table and the gates; JSON lines are flat, so awk reads them by key.
awk -v load_before="$load_before" -v load_after="$load_after" \
    -v cores="$(nproc)" '
function field(line, key,    m) {
    if (match(line, "\"" key "\": *\"[^\"]*\"")) {
        m = substr(line, RSTART, RLENGTH)
        sub("^\"" key "\": *\"", "", m)
        sub("\"$", "", m)
        return m
    }
    if (match(line, "\"" key "\": *[-0-9.eE+]+")) {
        m = substr(line, RSTART, RLENGTH)
        sub("^\"" key "\": *", "", m)
        return m + 0
    }
    return ""
}
{
    tool[NR] = field($0, "tool"); pages[NR] = field($0, "pages")
    failed[NR] = field($0, "failed"); wall[NR] = field($0, "pages_per_s")
    cpu[NR] = field($0, "pages_per_cpu_s"); rss[NR] = field($0, "peak_rss_kb")
    if (tool[NR] ~ /^parallax/) { px = cpu[NR] }
    else if (cpu[NR] > best) { best = cpu[NR]; best_tool = tool[NR] }
}
END {
    printf "%-54s %6s %6s %12s %10s %8s\n", "tool", "pages", "failed",
        "pages/s/core", "pages/s", "peak MB"
    for (i = 1; i <= NR; i++) {
        printf "%-54s %6d %6d %12.1f %10.1f %8.1f\n", tool[i], pages[i],
            failed[i], cpu[i], wall[i], rss[i] / 1024
    }
    printf "pages/s/core = pages per CPU second of the process (user+sys);"
    printf " pages/s = wall clock.\n"
    printf "machine: %d cores, load average %s before, %s after\n", cores,
        load_before, load_after
    rc = 0
    if (px == "") { print "parallax: no result"; exit 1 }
    printf "parallax: %.1f pages/s per core (gate: >= 500)\n", px
    if (px < 500) { rc = 1 }
    if (best > 0) {
        printf "ratio parallax / fastest other (%s): %.1fx (gate: >= 10)\n",
            best_tool, px / best
        if (px / best < 10) { rc = 1 }
    }
    print (rc == 0 ? "PASS" : "FAIL")
    exit rc
}' "$results" || status=1
exit "$status"
