#!/usr/bin/env bash
# CLI tests for `parallax extract` and `parallax run`: exit codes, one-line
# errors on bad input, and golden stdout for project-written pages.
# Usage: cli_extract.sh PATH/TO/parallax   (PX_UPDATE_GOLDEN=1 rewrites .want)
set -u
px=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
golden=$here/golden/cli
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

expect 0 0 -- --help
expect 0 0 -- extract --help
expect 0 0 -- run --help
expect 2 -1 -- extract
expect 2 -1 -- nosuchcommand
expect 2 -1 -- extract --format nosuch x
expect 1 1 -- extract /nonexistent/page.html

printf '\x00\x01\x02\x03binary\x00\x00\x00\x00\xff\xfe\x00\x00' >"$tmp/bin.html"
for i in $(seq 1 200); do printf '\x00\x01\x02\x7f' >>"$tmp/bin.html"; done
expect 1 1 -- extract "$tmp/bin.html"

: >"$tmp/empty.html"
expect 1 1 -- extract "$tmp/empty.html"

printf '<html><body><p>%s</p></body></html>' \
    "A paragraph that is long enough to be an article body, more or less." |
    gzip -c | head -c 30 >"$tmp/cut.html.gz"
expect 1 1 -- extract "$tmp/cut.html.gz"

# Invalid UTF-8 in a page declared UTF-8 still yields valid JSON.
printf '<html><head><meta charset="utf-8"><title>Bad \xff\xfe bytes</title></head><body><article><p>%s \xc3\x28 %s</p></article></body></html>' \
    "First half of a paragraph with invalid bytes inside it, which" \
    "must come out as replacement characters and never crash anything." \
    >"$tmp/badutf8.html"
expect 0 0 -- extract "$tmp/badutf8.html"

# A 100 MB page gives a one-line reason, no crash.
head -c 100000000 /dev/zero | tr '\0' 'a' >"$tmp/huge.html"
expect 1 1 -- extract "$tmp/huge.html"

# Mixed good and bad input: exit 0, one line per bad item.
expect 0 2 -- extract "$golden/page_en.html" "$tmp/empty.html" /nonexistent/x

# stdin
if "$px" extract - <"$golden/page_en.html" >"$tmp/out" 2>"$tmp/err" &&
    grep -q '"source":"-"' "$tmp/out"; then ok; else bad "extract from stdin"; fi

# Golden outputs: every tests/golden/cli/*.{html,txt,jsonl,warc} page.
for in in "$golden"/*.html "$golden"/*.txt "$golden"/*.jsonl; do
    [[ -e $in ]] || continue
    want=$in.want
    (cd "$golden" && "$px" extract "$(basename "$in")") >"$tmp/got" 2>"$tmp/err"
    if [[ ${PX_UPDATE_GOLDEN:-0} == 1 ]]; then
        cp "$tmp/got" "$want"
        ok
    elif diff -u "$want" "$tmp/got" >"$tmp/diff"; then
        ok
    else
        bad "golden $(basename "$in"):"
        cat "$tmp/diff" >&2
    fi
done

# analyse: same reading, one analysis per article.
expect 0 0 -- analyse --help
expect 1 1 -- analyse /nonexistent/page.html
if "$px" analyse "$golden/page_en.html" >"$tmp/an" 2>"$tmp/err" &&
    grep -q '"language":{"code":"eng","script":"Latn"' "$tmp/an" &&
    grep -q '"text":"14 million","value":14000000,"high":14000000,"qualifier":"about","kind":"quantity","percent":false,"unit":"gbp"' "$tmp/an" &&
    grep -q '"text":"300","value":300,"high":300,"qualifier":"more_than","kind":"quantity","percent":false,"unit":"people"' "$tmp/an" &&
    grep -q '"text":"Thursday night","kind":"weekday","date":"2026-03-12","precision":"day","relative":true,"resolved":true,"part_of_day":"night"' "$tmp/an"; then
    ok
else
    bad "analyse page_en.html: $(head -c 600 "$tmp/an") $(cat "$tmp/err")"
fi

# The main job over the bundled sample corpus.
if "$px" run "$here/../data/sample" -o "$tmp/run" >"$tmp/out" 2>"$tmp/err" &&
    [[ -s $tmp/run/articles.jsonl && -s $tmp/run/analysis.jsonl ]]; then ok; else
    bad "run data/sample: $(cat "$tmp/err")"
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
