#!/usr/bin/env bash
# run_corpus.sh GOI FILE|DIR... - run every Go file through `GOI run` and
# report the runs that crashed, whatever the program meant to do.
#
# Any outcome Go itself could have is fine: it compiles and runs (exit 0 or
# whatever the program exits with), it is rejected with errors (exit 1), it
# panics (exit 2). A crash is a signal (segfault, abort), a sanitizer
# report, "goi: internal error", or no end within the time limit
# (TIMEOUT seconds, default 10). Each program runs in a fresh scratch
# directory with no input. Output differences are not checked here.
#
# Prints one line per crash ("KIND FILE: first line of interest") and a
# summary; exits 1 if anything crashed. JOBS (default 1) runs that many at
# once. Use an ASan/UBSan build (-Db_sanitize=address,undefined) to see
# memory errors as well as crashes.
set -uo pipefail
export LC_ALL=C
[ $# -ge 2 ] || { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
goi=$1
shift
case $goi in /*) ;; *) goi="$PWD/$goi" ;; esac
export GOI=$goi TIMEOUT=${TIMEOUT:-10}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

run_one() {
    local f=$1 dir rc kind="" line
    case $f in /*) ;; *) f="$PWD/$f" ;; esac
    dir=$(mktemp -d "${TMPDIR:-/tmp}/goi-corpus.XXXXXX") || return 0
    (cd "$dir" && ulimit -f 65536 && exec timeout -k 2 "$TIMEOUT" "$GOI" run "$f") \
        </dev/null >"$dir/.stdout" 2>"$dir/.stderr"
    rc=$?
    line=$(grep -aE -m1 'Sanitizer|runtime error: |internal error' "$dir/.stderr")
    if grep -qaE '^==[0-9]+==ERROR: [A-Za-z]*Sanitizer|\.[ch]:[0-9]+:[0-9]+: runtime error: |^SUMMARY: [A-Za-z]*Sanitizer' "$dir/.stderr"; then
        kind=SANITIZER
    elif grep -qa 'goi: internal error' "$dir/.stderr"; then
        kind=INTERNAL
    elif [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        kind=TIMEOUT line="no end after ${TIMEOUT}s"
    elif [ "$rc" -gt 128 ]; then
        kind=SIGNAL line="exit status $rc"
    fi
    [ -n "$kind" ] && printf '%s %s: %s\n' "$kind" "$f" "$line"
    rm -rf "$dir"
    return 0
}
export -f run_one

find -L "$@" -type f -name '*.go' | LC_ALL=C sort >"${TMPDIR:-/tmp}/run_corpus.$$"
total=$(wc -l <"${TMPDIR:-/tmp}/run_corpus.$$")
crashes=$(xargs -d '\n' -P "${JOBS:-1}" -n 1 bash -c 'run_one "$1"' _ <"${TMPDIR:-/tmp}/run_corpus.$$" | tee /dev/stderr | wc -l)
rm -f "${TMPDIR:-/tmp}/run_corpus.$$"
echo "run_corpus.sh: $total programs, $crashes crashed" >&2
[ "$crashes" -eq 0 ]
