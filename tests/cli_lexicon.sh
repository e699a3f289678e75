#!/usr/bin/env bash
# CLI tests for `parallax lexicon`: help, usage errors, a missing lexicon
# reported in one line; lookups when a built lexicon is present (building
# one takes too long for the unit suite: `parallax lexicon build`).
# Usage: cli_lexicon.sh PATH/TO/parallax
set -u
px=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }

# expect CODE LINES -- ARGS...: exit status CODE and exactly LINES lines of
# stderr (-1: any number).
expect() {
    local code=$1 lines=$2
    shift 3
    "$px" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    local rc=$?
    local n
    n=$(wc -l <"$tmp/err")
    if [[ $rc -ne $code ]]; then
        bad "parallax $* exited $rc, want $code ($(head -c 300 "$tmp/err"))"
    elif [[ $lines -ge 0 && $n -ne $lines ]]; then
        bad "parallax $* wrote $n stderr lines, want $lines: $(cat "$tmp/err")"
    else
        ok
    fi
}

expect 0 0 -- lexicon --help
expect 0 0 -- lexicon build --help
expect 0 0 -- lexicon lookup --help
expect 2 -1 -- lexicon
expect 2 -1 -- lexicon nosuch
expect 2 -1 -- lexicon lookup eng
expect 2 -1 -- lexicon build --nosuch
grep -q "lexicon build" "$tmp/err" && ok || bad "usage not printed"

export PX_LEXICON=$tmp/none.plx
expect 1 1 -- lexicon lookup eng war
grep -q "parallax lexicon build" "$tmp/err" && ok || bad "no build hint"
expect 1 1 -- lexicon info
printf 'not a lexicon at all, just text long enough to pass the size check....................................................................................' >"$tmp/bad.plx"
expect 1 1 -- lexicon info "$tmp/bad.plx"
grep -q "not a lexicon" "$tmp/err" && ok || bad "bad file not named"
unset PX_LEXICON

built=$(dirname "$px")/lexicon.plx
if [[ -f $built ]]; then
    expect 0 0 -- lexicon lookup eng war
    grep -q "w:war" "$tmp/out" && ok || bad "eng war: no w:war"
    expect 0 0 -- lexicon lookup zho 战争
    grep -q "w:war" "$tmp/out" && ok || bad "zho 战争: no w:war"
    expect 0 0 -- lexicon info
    grep -q "CC-CEDICT" "$tmp/out" && ok || bad "info: no CEDICT source"
    expect 1 0 -- lexicon lookup eng qqqzzzxxx
else
    echo "SKIP: $built absent (run parallax lexicon build)"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
