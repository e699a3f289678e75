#!/usr/bin/env bash
# All tests: install what is missing, build, compile the concept lexicon,
# then run the whole suite twice (optimised, and under ASan/UBSan with leak
# checks, both on that lexicon), then clang-tidy and the formatting of
# include/ src/ tests/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
jobs=$(nproc)

echo "== build (release, warnings as errors)"
scripts/build.sh build
echo "== concept lexicon (from the installed data)"
build/parallax lexicon build -o build/lexicon.plx
export PX_LEXICON=$PWD/build/lexicon.plx
echo "== tests (release)"
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== build (ASan/UBSan)"
CC=clang CXX=clang++ scripts/build.sh build-asan -DPX_SANITIZE=ON \
    -DCMAKE_BUILD_TYPE=Debug
echo "== tests (ASan/UBSan)"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"

echo "== clang-tidy (bugprone, clang-analyzer, function size, braces)"
find src -name '*.c' | sort |
    xargs -P"$jobs" -n4 clang-tidy -p build --quiet 2>/dev/null |
    tee build/clang-tidy.log | grep -E 'warning:|error:' && exit 1

echo "== clang-format"
find include src tests -name '*.[ch]' -o -name '*.cc' | sort |
    xargs clang-format --dry-run --Werror
echo "all checks passed"
