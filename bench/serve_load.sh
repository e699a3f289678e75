#!/usr/bin/env bash
# serve_load.sh - the web UI under load while the store grows: a store is
# built from the bundled sample, `parallax serve` is started on loopback,
# and wrk loads the largest story's page while `parallax add` keeps adding
# the extraction benchmark's pages (read in place from ../shared/data,
# never copied) to the same store in small batches. Prints wrk's report,
# the batches committed during the load, and a summary line with the
# errors (must be 0) and the median latency.
#
# Usage: bench/serve_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
# The server runs with --rate 0 (no per-address limit): wrk is one
# address, and the limit would answer it 429 by design.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
secs=${2:-20}
conns=${3:-16}
px=$build/parallax
shared=${PX_SHARED_DIR:-$root/../shared}
command -v wrk >/dev/null || { echo "wrk is not installed"; exit 1; }
tmp=$(mktemp -d)
server=
writer=
cleanup() {
    [[ -n $writer ]] && kill "$writer" 2>/dev/null
    [[ -n $server ]] && kill "$server" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
db=$tmp/store.db

"$px" add --store "$db" "$root/data/sample" >/dev/null
"$px" serve --store "$db" --port 0 --rate 0 >"$tmp/serve.out" 2>&1 &
server=$!
url=
for _ in $(seq 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.out" || true)
    [[ -n $url ]] && break
    sleep 0.1
done
[[ -n $url ]] || { cat "$tmp/serve.out"; exit 1; }
story=$(curl -s --noproxy '*' "$url/api/stories?order=largest&limit=1" |
    grep -o '"id":[0-9]*' | head -1 | cut -d: -f2)
echo "story page: $url/story/$story"

# The writer: adds the benchmark pages folder by folder, 20 pages a
# batch, until stopped (a second round finds them known, still a write).
pages=()
for d in "$shared"/data/extraction/*/html "$shared"/data/extraction/*/; do
    [[ -d $d ]] && pages+=("$d")
done
[[ ${#pages[@]} -gt 0 ]] || pages=("$root/data/sample")
(
    while true; do
        for d in "${pages[@]}"; do
            "$px" add --store "$db" --batch 20 --batches "$d" \
                >/dev/null 2>>"$tmp/batches" || echo "add failed" >>"$tmp/add_errors"
        done
    done
) &
writer=$!
sleep 1

wrk -t2 -c"$conns" -d"${secs}s" --latency "$url/story/$story" | tee "$tmp/wrk"
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true
writer=

batches=$(grep -c 'committed' "$tmp/batches" 2>/dev/null || true)
held=$(grep -o 'holds [0-9]* articles' "$tmp/batches" | tail -1)
non2xx=$(grep -o 'Non-2xx or 3xx responses: [0-9]*' "$tmp/wrk" | grep -o '[0-9]*$' || true)
sock=$(grep -o 'Socket errors: .*' "$tmp/wrk" || true)
median=$(awk '/^ *50%/ {print $2}' "$tmp/wrk")
p99=$(awk '/^ *99%/ {print $2}' "$tmp/wrk")
rps=$(awk '/^Requests\/sec/ {print $2}' "$tmp/wrk")
articles=$(curl -s --noproxy '*' "$url/api/stories?limit=1" |
    grep -o '"total":[0-9]*' | cut -d: -f2)
echo "writer: $batches batches committed during the load;" \
    "$(cat "$tmp/add_errors" 2>/dev/null | wc -l) add failures;" \
    "store ${held:-unchanged}; $articles stories"
echo "summary: ${rps} req/s, median ${median}, p99 ${p99}," \
    "non-2xx ${non2xx:-0}, ${sock:-Socket errors: none}"
[[ -z $non2xx && -z $sock ]]
