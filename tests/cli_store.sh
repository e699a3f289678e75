#!/usr/bin/env bash
# CLI tests for the store commands on the bundled sample: `parallax add`
# (idempotent, one line per batch with --batches, the default store from
# $PX_STORE), `stories`, `search` and `show --store`, with their exit codes
# and one-line errors. Usage: cli_store.sh PATH/TO/parallax
set -u
px=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
sample=${PX_SOURCE_DIR:-$here/..}/data/sample
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

# expect CODE ARGS...: exit status CODE, and a failure says one line.
expect() {
    local code=$1
    shift
    "$px" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    if [[ $rc -ne $code ]]; then
        bad "parallax $* exited $rc, want $code ($(head -c 300 "$tmp/err"))"
    elif [[ $code -eq 1 && $(wc -l <"$tmp/err") -ne 1 ]]; then
        bad "parallax $* wrote $(wc -l <"$tmp/err") stderr lines, want 1"
    else
        ok
    fi
}

db=$tmp/s.db
for c in add stories search; do
    expect 0 "$c" --help
done
expect 2 add --store "$db"
expect 2 add --store "$db" --batch x "$sample"
expect 2 add --store "$db" --bogus "$sample"
expect 2 stories --store "$db" --limit -3
expect 2 search --store "$db"
expect 1 stories --store "$tmp/absent.db"
expect 1 add --store "$tmp/nodir/x.db" "$sample"

"$px" add --store "$db" --batch 10 --batches "$sample" >"$tmp/out" 2>"$tmp/err"
check '[[ $? -eq 0 ]]' "add the sample"
check '[[ $(grep -c "^add: batch [0-9]* committed" "$tmp/err") -eq 5 ]]' \
    "add --batch 10 --batches reports 5 batches: $(cat "$tmp/err")"
check 'grep -q "^added 43 articles (1 known, 0 failed) from 44 pages in 5 batches" "$tmp/out"' \
    "add summary: $(cat "$tmp/out")"
"$px" add --store "$db" "$sample" >"$tmp/out" 2>/dev/null
check 'grep -q "^added 0 articles (44 known" "$tmp/out"' \
    "a second add is idempotent: $(cat "$tmp/out")"

# The default store is $PX_STORE, else parallax.db in the current folder.
(cd "$tmp" && PX_STORE= "$px" add "$sample/en_quake.txt" >/dev/null 2>&1)
check '[[ -s $tmp/parallax.db ]]' "default store parallax.db"
PX_STORE=$db "$px" stories --json >"$tmp/list.json" 2>/dev/null
check '[[ $? -eq 0 ]] && grep -q "\"order\":\"newest\"" "$tmp/list.json"' \
    "stories --json from \$PX_STORE"
expect 0 stories --store "$db" --largest
check 'grep -q "stories$" "$tmp/out"' "stories prints a count"
id=$(grep -o '"id":[0-9]*' "$tmp/list.json" | head -1 | cut -d: -f2)
expect 0 show --store "$db" "$id"
check 'grep -q "^story $id:" "$tmp/out"' "show --store prints the story"
expect 0 show --store "$db" --json "$id"
check 'grep -q "\"sheet\":{" "$tmp/out"' "show --store --json has the sheet"
expect 1 show --store "$db" 99999
expect 2 show --store "$db" notanumber

expect 0 search --store "$db" earthquake Chile
check 'grep -q "Chile" "$tmp/out"' "search finds the quake"
expect 0 search --store "$db" --json Antofagasta
check 'grep -q "\"lang\":\"spa\"" "$tmp/out"' "search finds Spanish pages"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
