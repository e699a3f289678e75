#!/usr/bin/env bash
# cli_eval.sh - `parallax eval`: help, usage errors and a bad folder give the
# documented exit codes and one-line messages. Usage: cli_eval.sh PARALLAX
set -u
px=$1
fail=0
check() { # name, want exit code, got exit code
    if [[ $2 -ne $3 ]]; then
        echo "FAIL: $1: exit $3, want $2" >&2
        fail=1
    fi
}
out=$("$px" eval --help); check help 0 $?
grep -q "parallax eval extract DATASET_DIR" <<<"$out" || { echo "FAIL: help text" >&2; fail=1; }
err=$("$px" eval extract /nonexistent/px 2>&1 >/dev/null); check bad-dir 1 $?
[[ $(wc -l <<<"$err") -eq 1 && $err == *"/nonexistent/px"* ]] || { echo "FAIL: bad-dir message: $err" >&2; fail=1; }
"$px" eval extract 2>/dev/null; check no-dir 2 $?
"$px" eval extract a b 2>/dev/null; check two-dirs 2 $?
"$px" eval extract --bogus 2>/dev/null; check bad-option 2 $?
"$px" eval frobnicate 2>/dev/null; check bad-action 2 $?
if [[ $fail -eq 0 ]]; then echo "cli_eval: all passed"; fi
exit $fail
