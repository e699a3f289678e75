#!/usr/bin/env bash
# Browser test of the web UI (issue 7): builds a store with `parallax add`
# from the bundled sample, the seed pages (when ../shared/seeds is present)
# and a page this test writes with <script> in its title and body, starts
# `parallax serve` on a free loopback port and drives it in headless
# chromium with playwright-core (tests/browser/ui.mjs): story list, an
# English search finding an Arabic article, its story, a highlighted figure
# followed to another source, the injected page shown as text, 404 pages.
# Screenshots go to BUILD/artefacts/. Prints SKIP and passes when
# chromium, node (>= 18), playwright-core or `parallax serve` is absent.
# Usage: cli_browser_ui.sh PATH/TO/parallax
set -u
px=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
. "$here/browser/env.sh"
tmp=$(mktemp -d)
server=""
cleanup() {
    if [[ -n "$browser_pid" ]]; then
        kill "$browser_pid" 2>/dev/null
    fi
    if [[ -n "$server" ]]; then
        kill "$server" 2>/dev/null
        wait "$server" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

why=$(browser_missing)
if [[ -n "$why" ]]; then
    echo "SKIP: $why (web UI browser test)"
    exit 0
fi
for cmd in add serve; do
    if ! timeout 10 "$px" "$cmd" --help >/dev/null 2>&1; then
        echo "SKIP: parallax $cmd missing (web UI browser test)"
        exit 0
    fi
done

# A page with <script> in its title and its text (as text: escaped in the
# heading and the body, raw in <title>, whose content HTML never parses).
mkdir -p "$tmp/inject"
cat >"$tmp/inject/quillmere.html" <<'HTML'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Quillmere <script>window.pxPwned=1;alert('px-title')</script> council votes on harbour bridge</title>
<meta property="article:published_time" content="2026-12-01T09:00:00Z">
</head><body><article>
<h1>Quillmere &lt;script&gt;window.pxPwned=1;alert('px-h1')&lt;/script&gt; council votes on harbour bridge</h1>
<p>The town council of Quillmere voted on Monday to build a second bridge
across the harbour, after three years of debate about traffic on the old
swing bridge. Nine councillors voted for the plan and four against it.</p>
<p>Opponents posted the text &lt;script&gt;window.pxPwned=1;alert('px-body')&lt;/script&gt;
on the council forum, and a second message read &lt;img src=x onerror="window.pxPwned=1"&gt;
before the moderators removed both, the clerk said.</p>
<p>The bridge is expected to cost 42 million euros and to open in 2029. The
harbour master said that ferries would keep running during the works, and
that fishing boats would use the northern quay until the spring.</p>
<p>Residents of the old town asked the council to limit lorries on the new
bridge to the early morning. The mayor said the request would be studied
before the final design is approved next year.</p>
</article></body></html>
HTML

inputs=("$src/data/sample")
seeds=${PX_SHARED_DIR:-$src/../shared}/seeds
if [[ -d "$seeds" ]]; then
    inputs+=("$seeds")
    query="Azerbaijan troops Gaza"
    export PX_SEEDS=1
else
    echo "SKIP: seeds absent (the sample's Chile earthquake story instead)"
    query="earthquake Chile"
    export PX_SEEDS=0
fi
inputs+=("$tmp/inject")
if ! timeout 60 "$px" add --store "$tmp/store.db" "${inputs[@]}" \
        >"$tmp/add.out" 2>"$tmp/add.err"; then
    echo "FAIL: parallax add: $(head -3 "$tmp/add.err")" >&2
    exit 1
fi

# A free port: try a few random ones until the server stays up and answers.
port=""
for _ in 1 2 3 4 5; do
    p=$((20000 + RANDOM % 40000))
    if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
        continue # taken
    fi
    # Under timeout too: the server ends even if this script is killed -9.
    timeout -k 5 150 "$px" serve --store "$tmp/store.db" --port "$p" \
        >"$tmp/serve.out" 2>"$tmp/serve.err" &
    server=$!
    for _ in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
            port=$p
            break
        fi
        kill -0 "$server" 2>/dev/null || break
        sleep 0.2
    done
    [[ -n "$port" ]] && break
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    server=""
done
if [[ -z "$port" ]]; then
    echo "FAIL: parallax serve did not start: $(head -3 "$tmp/serve.err")" >&2
    exit 1
fi
echo "serving $tmp/store.db on 127.0.0.1:$port"

run_browser ui.mjs "http://127.0.0.1:$port" "$query" "زلزال تشيلي" Quillmere
rc=$?
if ! kill -0 "$server" 2>/dev/null; then
    echo "FAIL: parallax serve died: $(tail -3 "$tmp/serve.err")" >&2
    rc=1
fi
# The server stops cleanly on SIGTERM, with nothing from the sanitizers.
kill "$server" 2>/dev/null
wait "$server"
status=$?
server=""
if [[ $status -ne 0 ]]; then
    echo "FAIL: parallax serve exited with $status on SIGTERM" >&2
    rc=1
fi
if grep -qE 'Sanitizer|runtime error' "$tmp/serve.err"; then
    echo "FAIL: parallax serve: $(grep -E 'Sanitizer|runtime error' \
        "$tmp/serve.err" | head -3)" >&2
    rc=1
fi
exit $rc
