#!/usr/bin/env bash
# cli_eval.sh - `parallax eval`: help, usage errors and a bad folder give the
# documented exit codes and one-line messages. Usage: cli_eval.sh PARALLAX
set -u
px=$1
fail=0
check() { # name, want exit code, got exit code
    if [[ $2 -ne $3 ]]; then
        echo "FAIL: $1: exit $3, want $2" >&2
        fail=1
    fi
}
out=$("$px" eval --help); check help 0 $?
grep -q "parallax eval extract DATASET_DIR" <<<"$out" || { echo "FAIL: help text" >&2; fail=1; }
err=$("$px" eval extract /nonexistent/px 2>&1 >/dev/null); check bad-dir 1 $?
[[ $(wc -l <<<"$err") -eq 1 && $err == *"/nonexistent/px"* ]] || { echo "FAIL: bad-dir message: $err" >&2; fail=1; }
"$px" eval extract 2>/dev/null; check no-dir 2 $?
"$px" eval extract a b 2>/dev/null; check two-dirs 2 $?
"$px" eval extract --bogus 2>/dev/null; check bad-option 2 $?
"$px" eval frobnicate 2>/dev/null; check bad-action 2 $?
# A two-page trafilatura-eval style folder (text written for this test):
# page 0000 is dated 2024-03-05 by the gold and states it in JSON-LD and
# beside its headline; page 0001 is undated by the gold and states a date
# in JSON-LD only. The date lines count both by where they came from.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/html"
body='<p>The harbour committee met on Tuesday to review the plans for the new
ferry terminal, which would replace the one built in the nineteen-sixties.</p>
<p>Members asked for a second study of the tides before any work begins.</p>'
printf '%s' "<html><head><title>Ferry plans</title><script type=\"application/ld+json\">
{\"@type\": \"NewsArticle\", \"datePublished\": \"2024-03-05T09:00:00Z\"}</script>
</head><body><article><h1>Ferry plans</h1><p>5 March 2024</p>$body</article></body></html>" |
    gzip >"$tmp/html/0000.html.gz"
printf '%s' "<html><head><title>Ferry plans</title><script type=\"application/ld+json\">
{\"@type\": \"NewsArticle\", \"datePublished\": \"2023-07-01T09:00:00Z\"}</script>
</head><body><article><h1>Ferry plans</h1>$body</article></body></html>" |
    gzip >"$tmp/html/0001.html.gz"
cat >"$tmp/evaldata.json" <<'JSON'
{"a": {"file": "html/0000.html.gz", "id": "0000", "date": "2024-03-05",
       "with": ["second study of the tides"], "without": ["Ferry plans"]},
 "b": {"file": "html/0001.html.gz", "id": "0001", "date": "",
       "with": ["second study of the tides"], "without": ["Ferry plans"]}}
JSON
out=$("$px" eval extract "$tmp" 2>&1); check tiny-set 0 $?
want="date origins, exact day/invented: markup, URL or record 1/0; markup, not seen in the text 0/1; the text 0/0; unknown 0/0"
grep -qF "$want" <<<"$out" || { echo "FAIL: date origins line: $out" >&2; fail=1; }
grep -qF "1.000 exact day on 1 gold, 1.000 invented on 1 without" <<<"$out" ||
    { echo "FAIL: date line: $out" >&2; fail=1; }
json=$("$px" eval extract "$tmp" --json 2>/dev/null)
grep -qF '"invented_from":{"unknown":0,"declared":0,"declared_unseen":1,"text":0}' <<<"$json" || { echo "FAIL: JSON origins: $json" >&2; fail=1; }
grep -qF '"date_how":"jsonld:datePublished:unseen"' <<<"$json" ||
    { echo "FAIL: JSON date_how: $json" >&2; fail=1; }
if [[ $fail -eq 0 ]]; then echo "cli_eval: all passed"; fi
exit $fail
