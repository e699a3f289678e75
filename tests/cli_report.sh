#!/usr/bin/env bash
# CLI tests for `parallax show` and `parallax report` on the bundled
# sample: exit codes, the sheet as JSON, and an HTML report that is one
# self-contained page (no scripts, no external resources) with escaped
# text and right-to-left sources marked dir="rtl". Its rendering in
# chromium is tested by cli_browser_report.sh. Usage: cli_report.sh
# PATH/TO/parallax
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

"$px" show --help >/dev/null 2>&1
check '[[ $? -eq 0 ]]' "show --help"
"$px" show >/dev/null 2>&1
check '[[ $? -eq 2 ]]' "show without arguments must exit 2"
"$px" show 999 "$sample" >/dev/null 2>"$tmp/err"
check '[[ $? -eq 1 && -s $tmp/err ]]' "show of a missing story must fail"
"$px" show --json 1 "$sample" >"$tmp/sheet.json" 2>/dev/null
check '[[ $? -eq 0 ]]' "show --json 1"
check 'grep -q "\"figures\":\[" "$tmp/sheet.json"' "sheet JSON lacks figures"
check 'grep -q "\"differs\":true" "$tmp/sheet.json"' "story 1 shows no difference"
"$px" show 1 "$sample" >"$tmp/sheet.txt" 2>/dev/null
check 'grep -q "^Figures" "$tmp/sheet.txt"' "terminal sheet lacks figures"

"$px" report -o "$tmp/report.html" "$sample" >"$tmp/out" 2>/dev/null
check '[[ $? -eq 0 && -s $tmp/report.html ]]' "report must be written"
check 'grep -q "report written to" "$tmp/out"' "report must say where"
check '! grep -qi "<script" "$tmp/report.html"' "report holds a script"
check '! grep -qiE "(src|href)=\"(https?:)?//" "$tmp/report.html"' \
    "report loads an external resource"
check 'grep -q "dir=\"rtl\"" "$tmp/report.html"' "no right-to-left column"
check 'grep -q "class=\"diff\"" "$tmp/report.html"' "no difference highlighted"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
