#!/usr/bin/python3
"""Read + extract speed of readability-lxml (Debian python3-readability).

Usage: bench/readability_lxml.py PAGE_LIST
PAGE_LIST holds one .html.gz path per line. For each page, in one process and
one thread: read and gunzip the file, hand the bytes to readability (which
detects the charset and parses with lxml as a user's code would), take
Document(html).summary() and its text_content(). Only that loop is timed.
Pages that raise are skipped but counted as failed. Prints one JSON line:
{tool, pages, failed, seconds, cpu_seconds, pages_per_s, pages_per_cpu_s,
 peak_rss_kb, text_chars}.

Run it with Debian's /usr/bin/python3: the package lives in dist-packages.
"""
import gzip
import json
import logging
import resource
import sys
import time

import lxml
import lxml.html
import readability
from readability import Document


def extract(path):
    with open(path, "rb") as f:
        raw = gzip.decompress(f.read())
    summary = Document(raw).summary()
    return lxml.html.fromstring(summary).text_content()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: readability_lxml.py PAGE_LIST")
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.strip() for line in f if line.strip()]
    # readability logs every failure; keep the timed loop quiet.
    logging.disable(logging.CRITICAL)
    ok = failed = chars = 0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for path in paths:
        try:
            chars += len(extract(path))
            ok += 1
        except Exception:  # noqa: BLE001 - any failure is one skipped page
            failed += 1
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    usage = resource.getrusage(resource.RUSAGE_SELF)
    n = ok + failed
    print(json.dumps({
        "tool": "readability-lxml " + getattr(readability, "__version__", "?")
                + " (lxml " + lxml.__version__ + ")",
        "pages": n,
        "failed": failed,
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "pages_per_s": round(n / wall, 2) if wall > 0 else 0,
        "pages_per_cpu_s": round(n / cpu, 2) if cpu > 0 else 0,
        "peak_rss_kb": usage.ru_maxrss,
        "text_chars": chars,
    }))


if __name__ == "__main__":
    main()
