#!/usr/bin/env bash
# The main job: install what is missing, build, compile the concept lexicon
# (once; again when the build is newer), analyse the bundled sample corpus
# (data/sample) and write the result to out/ (articles.jsonl,
# analysis.jsonl, stories.json, report.html), then add it to the store
# out/parallax.db that `parallax serve` shows.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
if [[ ! -f build/lexicon.plx || build/parallax -nt build/lexicon.plx ]]; then
    build/parallax lexicon build -o build/lexicon.plx
fi
mkdir -p out
build/parallax run data/sample -o out
build/parallax add --store out/parallax.db data/sample
echo "browse: build/parallax serve --store out/parallax.db  (http://127.0.0.1:8080/)"
