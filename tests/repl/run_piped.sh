#!/usr/bin/env bash
# run_piped.sh - the REPL over piped input, as `goi < script` runs it.
#
# usage:
#   run_piped.sh GOI NAME.in      run one case (what meson test does)
#   run_piped.sh --list DIR       list the cases under DIR, one per line
#
# A case is NAME.in, the lines typed, with beside it:
#   NAME.out   the exact transcript: standard output and standard error
#              together, as a terminal would show them (required)
#   NAME.exit  the expected exit status (default 0)
# The REPL runs in the case's directory (so :load can name files there)
# with HOME in a fresh temporary directory, LC_ALL=C and a time limit of
# REPL_TIMEOUT seconds (default 30). A sanitizer report fails the case.
set -u
export LC_ALL=C

if [ "${1:-}" = "--list" ]; then
    find "$2" -name '*.in' | sort
    exit 0
fi

goi=$(realpath "$1")
case_in=$(realpath "$2")
dir=$(dirname "$case_in")
base=${case_in%.in}
want_exit=0
[ -f "$base.exit" ] && want_exit=$(tr -d ' \n' < "$base.exit")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$dir" && HOME="$tmp" timeout "${REPL_TIMEOUT:-30}" "$goi" < "$case_in" > "$tmp/out" 2>&1)
got_exit=$?

status=0
if grep -qE '^(==[0-9]+==ERROR: |WARNING: ThreadSanitizer|SUMMARY: (Address|Undefined|Thread)Sanitizer)|\.c:[0-9]+:[0-9]+: runtime error: ' "$tmp/out"; then
    echo "FAIL: sanitizer report" >&2
    status=1
fi
if ! diff -u "$base.out" "$tmp/out" >&2; then
    echo "FAIL: transcript differs (- expected, + got)" >&2
    status=1
fi
if [ "$got_exit" != "$want_exit" ]; then
    echo "FAIL: exit status $got_exit, want $want_exit" >&2
    status=1
fi
exit $status
