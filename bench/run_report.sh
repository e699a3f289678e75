#!/usr/bin/env bash
# run_report.sh - what the report (story sheets) adds to `parallax run`.
#
# Builds a JSON Lines corpus of N articles (default 100000) from the
# NTREX-128 documents (every version of every document; $PX_SHARED_DIR,
# default ../shared) in a temporary folder, never in the repo: copy r of
# the 9,675 documents is dated r weeks after the first, so each week's
# copies form their own stories (one per NTREX document and week, up to
# 129 languages each). Then runs `parallax run` on it and prints the run's
# wall time, the report's time (as `run` prints it) and the share the
# report adds to the rest of the run: report / (run - report).
#
# Usage: bench/run_report.sh [N] [ROUNDS]
# Environment: PX_BUILD_DIR (default build), PX_PARALLAX (the program,
# default $PX_BUILD_DIR/parallax), PX_LEXICON (default
# $PX_BUILD_DIR/lexicon.plx), PX_SHARED_DIR, PX_BENCH_KEEP=1 (keep the
# corpus in $TMPDIR/px_run_report_N.jsonl for the next call).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
rounds=${2:-1}
build=${PX_BUILD_DIR:-build}
shared=${PX_SHARED_DIR:-../shared}
export PX_LEXICON=${PX_LEXICON:-$PWD/$build/lexicon.plx}
docs=$shared/data/crosslingual/ntrex128/docs
if [[ ! -d $docs ]]; then
    echo "SKIP: NTREX-128 absent ($docs)"
    exit 0
fi
tmp=${TMPDIR:-/tmp}
corpus=$tmp/px_run_report_$n.jsonl
if [[ ! -s $corpus ]]; then
    # doc_id story_id lang num_segments text (text: lines joined by \n)
    awk -F'\t' -v n="$n" '
        FNR == 1 { next }
        { id[m + 0] = $1; lang[m + 0] = $3; text[m + 0] = $5; m++ }
        END {
            for (r = 0; k < n; r++) {
                for (i = 0; i < m && k < n; i++) {
                    k++
                    t = text[i]
                    gsub(/"/, "\\\"", t)
                    title = t
                    sub(/\\n.*/, "", title)
                    body = t
                    sub(/^[^\\]*\\n/, "", body)
                    day = 1 + r * 7 + (i % 3)
                    printf("{\"url\":\"https://bench.example/%d/%s\",", r, id[i])
                    printf("\"site\":\"%s.example\",\"title\":\"%s\",", lang[i], title)
                    printf("\"date\":\"2026-%02d-%02dT%02d:%02d:00Z\",",
                           1 + int((day - 1) / 28), 1 + (day - 1) % 28,
                           i % 24, i % 60)
                    printf("\"text\":\"%s\"}\n", body)
                }
            }
        }' "$docs"/*.tsv >"$corpus"
fi
echo "corpus: $corpus ($(wc -l <"$corpus") articles, $(du -h "$corpus" | cut -f1))"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
out=$(mktemp -d)
for ((i = 0; i < rounds; i++)); do
    t0=$(date +%s.%N)
    "${PX_PARALLAX:-$build/parallax}" run -o "$out" "$corpus" >"$out/summary.txt" 2>/dev/null
    t1=$(date +%s.%N)
    rep=$(sed -n 's/.*report written to .* (\([0-9.]*\) s).*/\1/p' "$out/summary.txt")
    awk -v a="$t0" -v b="$t1" -v r="$rep" 'BEGIN {
        w = b - a
        printf("run %.2f s, report %.2f s, report adds %.1f%% to the rest\n",
               w, r, 100 * r / (w - r))
    }'
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "stories written|articles extracted" "$out/summary.txt" || true
rm -rf "$out"
[[ ${PX_BENCH_KEEP:-0} == 1 ]] || rm -f "$corpus"
