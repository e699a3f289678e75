#!/usr/bin/env bash
# make_sample.sh - regenerates the bundled sample corpus in data/sample/ from
# the UTF-8 sources in tools/sample/. All pages are original writing about
# ten events, three in invented places and seven invented events in real
# countries (see data/truth/sample.md); none is copied from a real site.
#
#   tools/make_sample.sh        rewrites data/sample/*.html, crawl.warc.gz,
#                               crawl2.warc.gz and feed.jsonl (the .txt dumps,
#                               data/truth/sample.json and data/truth/sample.md
#                               are written by hand)
#
# HTML sources hold the placeholder @CHARSET@ where the page declares its
# charset; each page is converted with iconv to the charset named in the
# table below, and iconv fails loudly on a character the charset lacks.
# The WARCs (one gzip member per record, gzip mtime 0 so output is stable)
# and the JSON Lines file are built by an inline python3 program: this is a
# dev tool, not a dependency of the library or the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
src=tools/sample
out=data/sample
mkdir -p "$out"

# page source            declared charset   iconv charset
pages=(
    "en_ferry.html        utf-8         UTF-8"
    "fr_accord.html       utf-8         UTF-8"
    "zh_ferry_gbk.html    gbk           GBK"
    "zh_flood_big5.html   big5          BIG5"
    "ar_ferry_cp1256.html windows-1256  CP1256"
    "ru_flood_koi8r.html  koi8-r        KOI8-R"
    "ja_accord_sjis.html  shift_jis     SHIFT_JIS"
    "en_quake_wire.html   utf-8         UTF-8"
    "en_quake_syn.html    utf-8         UTF-8"
    "es_quake.html        utf-8         UTF-8"
    "zh_quake.html        utf-8         UTF-8"
    "es_strike_latin1.html iso-8859-1   ISO-8859-1"
    "de_strike.html       utf-8         UTF-8"
    "en_imf.html          utf-8         UTF-8"
    "ar_imf.html          utf-8         UTF-8"
    "ar_imf_cp1256.html   windows-1256  CP1256"
    "ar_heat.html         utf-8         UTF-8"
    "en_fire_wire.html    utf-8         UTF-8"
    "de_fire.html         utf-8         UTF-8"
    "ru_fire_cp1251.html  windows-1251  CP1251"
    "zh_fire.html         utf-8         UTF-8"
    "ja_probe_eucjp.html  euc-jp        EUC-JP"
    "en_probe.html        utf-8         UTF-8"
    "ja_boj.html          utf-8         UTF-8"
    "en_boj.html          utf-8         UTF-8"
)
for row in "${pages[@]}"; do
    read -r name declared conv <<<"$row"
    sed "s/@CHARSET@/$declared/" "$src/$name" | iconv -f UTF-8 -t "$conv" \
        >"$out/$name"
done

python3 - "$src" "$out" <<'PY'
import gzip, json, sys

src, out = sys.argv[1], sys.argv[2]

def read(name, enc="utf-8"):
    with open(f"{src}/{name}", encoding="utf-8") as f:
        return f.read().encode(enc)

def record(wtype, rid, date, uri, ctype, block):
    head = ["WARC/1.0", f"WARC-Type: {wtype}",
            f"WARC-Record-ID: <urn:uuid:{rid}>", f"WARC-Date: {date}"]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"Content-Type: {ctype}", f"Content-Length: {len(block)}"]
    raw = ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"
    return gzip.compress(raw, mtime=0)

def http(headers, body):
    lines = ["HTTP/1.1 200 OK"] + headers
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body

def chunked(body, size=700):
    parts = [b"%x\r\n" % len(body[i:i + size]) + body[i:i + size] + b"\r\n"
             for i in range(0, len(body), size)]
    return b"".join(parts) + b"0\r\n\r\n"

RESP = "application/http; msgtype=response"
info = (b"software: parallax tools/make_sample.sh\r\n"
        b"format: WARC File Format 1.0\r\n"
        b"description: invented sample pages for tests\r\n")
en_url = "https://www.northgate-times.example/climate/2026/05/19/valmora-accord"
ar_url = "https://alofq-news.example/economy/2026/05/19/valmora"
zh_url = "https://kuaixun.example/world/20260402/ravik-flood.html"
es_url = "https://diariodelnorte.example/internacional/ravik-inundaciones"
en = read("warc_en_accord.html")
ar = read("warc_ar_accord.html")
zh = read("warc_zh_flood.html")
es = read("warc_es_flood.html", "iso-8859-1")
gz = gzip.compress(en, mtime=0)
recs = [
    record("warcinfo", "6f1c0d2a-0000-4000-8000-000000000001",
           "2026-05-21T08:00:00Z", None, "application/warc-fields", info),
    record("request", "6f1c0d2a-0000-4000-8000-000000000002",
           "2026-05-21T08:00:01Z", en_url, "application/http; msgtype=request",
           b"GET /climate/2026/05/19/valmora-accord HTTP/1.1\r\n"
           b"Host: www.northgate-times.example\r\n"
           b"Accept-Encoding: gzip\r\n\r\n"),
    record("response", "6f1c0d2a-0000-4000-8000-000000000003",
           "2026-05-21T08:00:02Z", en_url, RESP,
           http(["Content-Type: text/html; charset=utf-8",
                 "Content-Encoding: gzip", f"Content-Length: {len(gz)}"], gz)),
    record("response", "6f1c0d2a-0000-4000-8000-000000000004",
           "2026-05-21T08:00:05Z", ar_url, RESP,
           http(["Content-Type: text/html; charset=UTF-8",
                 "Transfer-Encoding: chunked"], chunked(ar))),
    record("response", "6f1c0d2a-0000-4000-8000-000000000005",
           "2026-05-21T08:00:09Z", zh_url, RESP,
           http(["Content-Type: text/html; charset=utf-8",
                 f"Content-Length: {len(zh)}"], zh)),
    record("response", "6f1c0d2a-0000-4000-8000-000000000006",
           "2026-05-21T08:00:12Z", es_url, RESP,
           http(["Content-Type: text/html; charset=ISO-8859-1",
                 f"Content-Length: {len(es)}"], es)),
]
with open(f"{out}/crawl.warc.gz", "wb") as f:
    f.write(b"".join(recs))

# The second WARC: one warcinfo record, then one response per page.
info2 = info.replace(b"invented sample pages for tests",
                     b"invented sample pages for tests, second crawl")
recs = [record("warcinfo", "9a4e2b71-0000-4000-8000-000000000001",
               "2026-09-05T06:00:00Z", None, "application/warc-fields", info2)]
crawl2 = [
    ("warc2_ar_quake.html", "https://sada-alaalam.example/world/2026/06/08/chile-quake",
     "2026-06-09T07:12:00Z", "utf-8", "UTF-8"),
    ("warc2_en_strike.html", "https://www.freightdaily.example/ports/chile-dockworkers-strike",
     "2026-06-11T07:30:00Z", "utf-8", "utf-8"),
    ("warc2_fr_imf.html", "https://www.courrier-eco.example/international/fmi-egypte-pret",
     "2026-06-12T09:00:00Z", "utf-8", "utf-8"),
    ("warc2_fr_fire.html", "https://www.ouest-matin.example/monde/grece-incendie-mont-parnes",
     "2026-07-21T15:00:00Z", "utf-8", "utf-8"),
    ("warc2_zh_probe.html", "https://www.kejiqianyan.example/space/20260904/tsukuyomi.html",
     "2026-09-05T05:40:00Z", "utf-8", "utf-8"),
]
for i, (name, url, when, enc, header) in enumerate(crawl2, start=2):
    body = read(name, enc)
    recs.append(record("response", "9a4e2b71-0000-4000-8000-%012d" % i, when,
                       url, RESP,
                       http([f"Content-Type: text/html; charset={header}",
                             f"Content-Length: {len(body)}"], body)))
with open(f"{out}/crawl2.warc.gz", "wb") as f:
    f.write(b"".join(recs))

rows = [
    {"url": "https://harbourpost.example/local/2026/03/15/crossings-resume",
     "html": read("jsonl_en_ferry.html").decode()},
    {"url": "https://www.tagesblick.example/wissen/valmora-abkommen",
     "text": read("jsonl_de_accord.txt").decode(),
     "title": "Zwölf Staaten unterzeichnen Batterie-Abkommen von Valmora",
     "date": "2026-05-19T16:40:00+02:00", "site": "Tagesblick"},
    {"url": "https://www.coastline-today.example/news/greece-fires-parnitha",
     "html": read("jsonl_en_fire.html").decode()},
    {"url": "https://www.cronicadigital.example/ciencia/2026/09/03/japon-sonda-lunar",
     "text": read("jsonl_es_probe.txt").decode(),
     "title": "Japón lanza la sonda Tsukuyomi para buscar hielo en el polo sur de la Luna",
     "date": "2026-09-03T10:05:00-06:00", "site": "Crónica Digital",
     "author": "Valeria Ortega"},
    {"url": "https://pacificbusinessreview.example/economy/boj-rate-rise",
     "html": read("jsonl_en_boj.html").decode()},
]
with open(f"{out}/feed.jsonl", "w", encoding="utf-8") as f:
    for r in rows:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
echo "make_sample: wrote $(ls "$out" | wc -l) files in $out"
