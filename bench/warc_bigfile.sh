#!/usr/bin/env bash
# WARC reader benchmark: builds synthetic .warc.gz archives (one gzip member
# per record) of two sizes from the extraction benchmark pages, then streams
# each through bench_warc under /usr/bin/time -v and reports throughput and
# peak RSS. Peak RSS should not grow with the archive size.
# Usage: bench/warc_bigfile.sh [SIZES_MB...]   (default: 256 1024)
# Archives go to bench/out/ (gitignored); pages are read from ../shared.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(256 1024)
data=${PX_SHARED_DIR:-../shared}/data/extraction
shopt -s nullglob
pages=("$data"/*/html/*.html.gz)
if [ ${#pages[@]} -eq 0 ]; then
    echo "SKIP: no pages under $data"
    exit 0
fi
scripts/build.sh build
mkdir -p bench/out
for mb in "${sizes[@]}"; do
    out=bench/out/bench-${mb}mb.warc.gz
    if [ ! -s "$out" ]; then
        echo "== making $out from ${#pages[@]} pages"
        build/bench_warc_make "$out" "$mb" "${pages[@]}"
    fi
    echo "== reading $out ($(du -m "$out" | cut -f1) MB on disk)"
    /usr/bin/time -v build/bench_warc "$out" 2>bench/out/time-$mb.txt
    grep -E 'Maximum resident|Elapsed|Percent of CPU' bench/out/time-$mb.txt
done
