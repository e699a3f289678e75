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
# clang-tidy exits non-zero on any finding (warnings are errors): collect
# the log whatever its status, then fail on any finding in it.
find src -name '*.c' | sort |
    xargs -P"$jobs" -n4 clang-tidy -p build --quiet >build/clang-tidy.log \
        2>/dev/null || true
if grep -E 'warning:|error:' build/clang-tidy.log; then
    exit 1
fi

echo "== clang-format"
find include src tests -name '*.[ch]' -o -name '*.cc' | sort |
    xargs clang-format --dry-run --Werror
echo "all checks passed"
