#!/usr/bin/env bash
# The store's crash test: `parallax add --batch 200` of N generated pages
# (bench_store_pages: rounds of the sample's articles with urls, texts and
# dates of their own) is killed with SIGKILL at random moments, ROUNDS
# times, each time re-run over the same pages. After every kill the store
# must pass PRAGMA integrity_check, open, hold every batch `add` reported
# committed (its --batches lines) with at least the articles it reported,
# and no half-written story (stories whose counts disagree with their
# articles, articles of missing stories). Then a last add runs to the end
# and a further add finds every page known.
#
# Usage: cli_store_kill.sh PATH/TO/parallax [PAGES [ROUNDS]]
# PAGES defaults to $PX_KILL_PAGES, else 1500 (300 in a sanitizer build);
# the issue's figure is 10000: cli_store_kill.sh build/parallax 10000 10.
set -u
px=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
bin=${PX_BINARY_DIR:-$(dirname "$px")}
here=$(cd "$(dirname "$0")" && pwd)
sample=${PX_SOURCE_DIR:-$here/..}/data/sample
pages=${2:-${PX_KILL_PAGES:-1500}}
rounds=${3:-4}
if grep -q '^PX_SANITIZE:BOOL=ON' "$bin/CMakeCache.txt" 2>/dev/null &&
    [[ -z ${2:-} && -z ${PX_KILL_PAGES:-} ]]; then
    pages=300
fi
if ! command -v sqlite3 >/dev/null; then
    echo "SKIP: sqlite3 (the CLI) absent"
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }
q() { sqlite3 "$db" "$1"; }

"$bin/bench_store_pages" "$pages" "$tmp/pages.jsonl" "$sample" >/dev/null ||
    { echo "FAIL: bench_store_pages"; exit 1; }
db=$tmp/kill.db

# Checks the store after a kill against what add reported in $tmp/err.
after_kill() {
    local r=$1
    check '[[ $(q "PRAGMA integrity_check") == ok ]]' \
        "round $r: integrity_check: $(q 'PRAGMA integrity_check' | head -3)"
    "$px" stories --store "$db" --limit 1 >/dev/null 2>&1
    check '[[ $? -eq 0 ]]' "round $r: the store does not open"
    local line b a
    line=$(grep '^add: batch [0-9]* committed' "$tmp/err" | tail -1)
    if [[ -n $line ]]; then
        b=$(sed 's/^add: batch \([0-9]*\) .*/\1/' <<<"$line")
        a=$(sed 's/.*store holds \([0-9]*\) articles$/\1/' <<<"$line")
        check '[[ $(q "SELECT count(*) FROM batches WHERE id = $b") -eq 1 ]]' \
            "round $r: reported batch $b is missing"
        check '[[ $(q "SELECT count(*) FROM articles") -ge $a ]]' \
            "round $r: fewer than the $a articles reported"
    fi
    check '[[ $(q "SELECT count(*) FROM articles WHERE story NOT IN
                   (SELECT id FROM stories)") -eq 0 ]]' \
        "round $r: articles of missing stories"
    check '[[ $(q "SELECT count(*) FROM stories s WHERE articles !=
                   (SELECT count(*) FROM articles a WHERE a.story = s.id)") -eq 0 ]]' \
        "round $r: a story's count disagrees with its articles"
    echo "round $r: batches $(q 'SELECT count(*) FROM batches'), articles" \
        "$(q 'SELECT count(*) FROM articles') (last reported: ${line:-none})"
}

# Each round kills after a random number of reported batches (each run
# reads every page: ceil(pages / 200) batches) plus a random delay of up
# to a second, so kills land inside batches, between them and in commits.
n_batches=$(((pages + 199) / 200))
for r in $(seq 1 "$rounds"); do
    "$px" add --store "$db" --batch 200 --batches "$tmp/pages.jsonl" \
        >/dev/null 2>"$tmp/err" &
    pid=$!
    want=$((RANDOM % n_batches))
    while kill -0 "$pid" 2>/dev/null &&
        [[ $(grep -c committed "$tmp/err") -lt $want ]]; do
        sleep 0.05
    done
    ms=$((RANDOM % 1000))
    sleep "0.$(printf '%03d' "$ms")"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    after_kill "$r"
done

"$px" add --store "$db" --batch 200 --batches "$tmp/pages.jsonl" \
    >"$tmp/out" 2>"$tmp/err"
check '[[ $? -eq 0 ]]' "the last add fails: $(tail -2 "$tmp/err")"
after_kill final
"$px" add --store "$db" --batch 200 "$tmp/pages.jsonl" >"$tmp/out" 2>/dev/null
check 'grep -q "^added 0 articles" "$tmp/out"' \
    "pages missing after the last add: $(cat "$tmp/out")"
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
