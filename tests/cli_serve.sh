#!/usr/bin/env bash
# CLI tests for `parallax serve`: a store is built from the bundled sample
# plus one page this test writes with <script> in its title and body; the
# server is started on a free port and every route is fetched: status
# codes, content, DOM hooks, security headers, 404 for unknown ids and
# unknown paths (traversal attempts, encoded too), 405 for other methods,
# 413 for bodies, 414 for long addresses, 429 past the rate limit, the
# injected page shown as text everywhere; then the server is stopped with
# SIGTERM. Usage: cli_serve.sh PATH/TO/parallax
set -u
px=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
sample=${PX_SOURCE_DIR:-$here/..}/data/sample
tmp=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
    rm -rf "$tmp"
}
trap cleanup EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*" >&2; }
check() { if eval "$1"; then ok; else bad "$2"; fi; }

if ! command -v curl >/dev/null; then
    echo "SKIP: curl absent"
    exit 0
fi

# ---- command line ------------------------------------------------------
"$px" serve --help >"$tmp/help" 2>&1
check '[[ $? -eq 0 ]] && grep -q -- "--port" "$tmp/help"' "serve --help"
"$px" serve --bogus >/dev/null 2>"$tmp/err"
check '[[ $? -eq 2 && $(wc -l <"$tmp/err") -eq 1 ]]' "bad option: exit 2"
"$px" serve --port 70000 >/dev/null 2>"$tmp/err"
check '[[ $? -eq 2 ]] && grep -q "port" "$tmp/err"' "bad port: exit 2"
"$px" serve --store "$tmp/absent.db" --port 0 >/dev/null 2>"$tmp/err"
check '[[ $? -eq 1 && $(wc -l <"$tmp/err") -eq 1 ]]' \
    "absent store: one-line error, exit 1"
[[ -e $tmp/absent.db ]]
check '[[ $? -ne 0 ]]' "serve must not create a store"

# ---- a store with an injected page ---------------------------------------
mkdir -p "$tmp/pages"
cat >"$tmp/pages/injected.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour <script>alert("title")</script> flood closes the old port</title>
<meta property="article:published_time" content="2026-02-03T09:00:00Z">
</head><body><article>
<h1>Harbour &lt;script&gt;alert("h1")&lt;/script&gt; flood closes the old port</h1>
<p>The harbour master of the old port said on Tuesday that the flood had
closed all twelve berths &lt;script&gt;alert("body")&lt;/script&gt; and
that the ferries would stay moored until the water went down.</p>
<p>Workers spent the night moving 340 containers to higher ground, and the
town council met in the morning to count what the storm had cost the
fishing fleet, whose boats had been pulled up the slipway the day before.</p>
<p>The council expects the berths to open again next week once divers have
checked the quay walls for damage and the channel has been dredged.</p>
</article></body></html>
EOF
db=$tmp/store.db
"$px" add --store "$db" "$sample" "$tmp/pages" >"$tmp/add.out" 2>"$tmp/add.err"
check '[[ $? -eq 0 && -s $db ]]' "add: $(head -2 "$tmp/add.err")"

# Starts a server with extra options; sets url and pid.
start() {
    rm -f "$tmp/serve.out"
    "$px" serve --store "$db" --port 0 "$@" >"$tmp/serve.out" \
        2>"$tmp/serve.err" &
    pid=$!
    pids+=("$pid")
    url=
    for _ in $(seq 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$tmp/serve.out" 2>/dev/null)
        [[ -n $url ]] && break
        sleep 0.1
    done
}

# get PATH [curl args]: body in $tmp/body, headers in $tmp/head, sets code.
get() {
    local path=$1
    shift
    code=$(curl -s --noproxy '*' --path-as-is --max-time 20 \
        -D "$tmp/head" -o "$tmp/body" -w '%{http_code}' "$@" "$url$path")
    cat "$tmp/body" >>"$tmp/all_bodies"
}

start --threads 2
check '[[ -n $url ]]' "serve printed no URL: $(cat "$tmp/serve.err")"
[[ -n $url ]] || { echo "$passed passed, $failed failed"; exit 1; }

# ---- pages and API ---------------------------------------------------------
get /
check '[[ $code == 200 ]]' "GET / -> $code"
check 'grep -q "<form id=\"search\" action=\"/search\"" "$tmp/body"' \
    "story list lacks the search form"
check 'grep -q "<li class=\"story\"><a class=\"story-link\" href=\"/story/" \
    "$tmp/body"' "story list lacks story links"
check 'grep -qi "^content-security-policy: default-src '"'"'self'"'"'" \
    "$tmp/head"' "no CSP header"
check 'grep -qi "^x-content-type-options: nosniff" "$tmp/head"' "no nosniff"
check 'grep -qi "^content-type: text/html; charset=utf-8" "$tmp/head"' \
    "page content type"
get "/?order=largest"
check '[[ $code == 200 ]] && grep -q "class=\"on\">largest" "$tmp/body"' \
    "largest first"
get "/?order=sideways"
check '[[ $code == 400 ]]' "bad order -> $code"

get /api/stories
check '[[ $code == 200 ]] && grep -qi "^content-type: application/json" \
    "$tmp/head"' "GET /api/stories -> $code"
story=$(grep -o '"id":[0-9]*' "$tmp/body" | head -1 | cut -d: -f2)
get "/api/stories?order=largest&offset=0&limit=2"
check '[[ $code == 200 ]] && grep -q "\"order\":\"largest\"" "$tmp/body"' \
    "api stories largest"
get "/api/stories?limit=100000"
check '[[ $code == 400 ]] && grep -q "\"error\"" "$tmp/body"' \
    "api limit cap -> $code"

# The injected page: found by search, shown escaped everywhere.
get "/api/search?q=harbour+flood"
check '[[ $code == 200 ]]' "api search -> $code"
art=$(grep -o '"article":[0-9]*' "$tmp/body" | head -1 | cut -d: -f2)
check '[[ -n $art ]]' "search found no injected page"
get "/search?q=harbour+flood"
check '[[ $code == 200 ]] && grep -q "<li class=\"hit\"" "$tmp/body"' \
    "search page lists no hit"
check 'grep -q "&lt;script&gt;" "$tmp/body"' "search: title not shown as text"
get "/search?q=%3Cscript%3Ealert(1)%3C/script%3E"
check '[[ $code == 200 ]] && grep -q "value=\"&lt;script&gt;" "$tmp/body"' \
    "search query not escaped -> $code"
get "/search"
check '[[ $code == 200 ]]' "empty search page -> $code"
get "/api/search?q="
check '[[ $code == 400 ]]' "empty api search -> $code"

get "/article/${art:-0}"
check '[[ $code == 200 ]]' "article page -> $code"
check 'grep -q "<article id=\"text\" lang=\"eng\" dir=\"ltr\">" "$tmp/body"' \
    "article text element"
check 'grep -q "alert(&quot;body&quot;)" "$tmp/body"' "body not shown as text"
check 'grep -qE "alert\(&quot;(title|h1)&quot;\)" "$tmp/body"' \
    "title not shown as text"
get "/api/article/${art:-0}"
check '[[ $code == 200 ]] && grep -q "\"text\":" "$tmp/body"' "api article"
istory=$(grep -o '"story":[0-9]*' "$tmp/body" | head -1 | cut -d: -f2)
get "/story/${istory:-0}"
check '[[ $code == 200 ]] && grep -q "<table id=\"sources\">" "$tmp/body"' \
    "injected story page -> $code"
check 'grep -q "&lt;script&gt;" "$tmp/body"' "story: title not shown as text"
get "/api/story/${istory:-0}"
check '[[ $code == 200 ]] && grep -q "\"sheet\"" "$tmp/body"' "api story"

# A story of several sources: its sheet, and its articles' marks.
get "/api/stories?order=largest&limit=1"
big=$(grep -o '"id":[0-9]*' "$tmp/body" | head -1 | cut -d: -f2)
get "/story/${big:-0}"
check '[[ $code == 200 ]]' "largest story -> $code"
for hook in '<table id="figures">' '<section id="timeline">' \
    '<section id="quotes">' '<section id="claims-single">' \
    'class="source-link" href="/article/'; do
    check 'grep -qF "$hook" "$tmp/body"' "story page lacks $hook"
done
first=$(grep -o 'class="source-link" href="/article/[0-9]*"' "$tmp/body" |
    head -1 | grep -o '[0-9]*')
get "/article/${first:-0}"
check '[[ $code == 200 ]] && grep -q "<mark class=\"\(fig\|ent\|date\)\" id=\"s-" \
    "$tmp/body"' "article of the largest story has no marks"
x=$(grep -o 'class="xref" href="/article/[0-9]*#s-[0-9]*"' "$tmp/body" |
    head -1 | grep -o '/article/[0-9]*#s-[0-9]*')
if [[ -n $x ]]; then
    get "${x%%#*}"
    check 'grep -q "id=\"${x##*#}\"" "$tmp/body"' "xref target $x missing"
else
    echo "note: no cross-source link in the largest story's first article"
fi

# HEAD: headers only.
get "/story/${big:-0}" -I
check '[[ $code == 200 ]] && ! grep -q "<html" "$tmp/body"' "HEAD -> $code"

# ---- unknown ids, paths, methods, sizes ------------------------------------
for p in /story/999999999 /article/999999999 /story/abc /story/-1 /story/1x \
    /nope /story/ /api/nope /api/story/999999999 /../etc/passwd \
    /%2e%2e/%2e%2e/etc/passwd /..%2f..%2fetc%2fpasswd \
    /story/..%2f..%2fetc%2fpasswd //etc/passwd /api/../../etc/passwd \
    /%252e%252e/etc/passwd /static/../../etc/passwd; do
    get "$p"
    check '[[ $code == 404 ]] && ! grep -q "root:" "$tmp/body"' "$p -> $code"
done
get /story/999999999
check 'grep -q "404 Not found" "$tmp/body"' "404 page not clear"
get /api/story/999999999
check 'grep -q "\"error\"" "$tmp/body"' "api 404 not JSON"
for m in POST PUT DELETE OPTIONS PATCH; do
    get / -X "$m"
    check '[[ $code == 405 ]] && grep -qi "^allow: GET, HEAD" "$tmp/head"' \
        "$m -> $code"
done
get / --data-binary "x=1" -X GET
check '[[ $code == 413 ]]' "GET with a body -> $code"
long=$(head -c 3000 /dev/zero | tr '\0' a)
get "/story/$long"
check '[[ $code == 414 || $code == 404 ]]' "long path -> $code"
get "/search?q=$long"
check '[[ $code == 414 ]]' "long query -> $code"

check '! grep -qi "<script" "$tmp/all_bodies"' "a page holds <script"
check '! grep -qiE "<(link|img|iframe)|src=" "$tmp/all_bodies"' \
    "a page loads a resource"

kill -TERM "$pid"
wait "$pid"
check '[[ $? -eq 0 ]] && grep -q "stopped" "$tmp/serve.out"' \
    "SIGTERM must stop the server cleanly"

# ---- rate limit ------------------------------------------------------------
start --rate 2
n429=0
for _ in $(seq 12); do
    get /api/stories
    [[ $code == 429 ]] && n429=$((n429 + 1))
done
check '[[ $n429 -gt 0 ]] && grep -qi "^retry-after:" "$tmp/head"' \
    "no 429 past the rate limit"
kill -INT "$pid"
wait "$pid"
check '[[ $? -eq 0 ]]' "SIGINT must stop the server cleanly"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
