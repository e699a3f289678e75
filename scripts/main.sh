#!/usr/bin/env bash
# The main job: install what is missing, build, analyse the bundled sample
# corpus (data/sample) and write the result to out/ (articles.jsonl,
# analysis.jsonl).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh build
mkdir -p out
build/parallax run data/sample -o out
