#!/usr/bin/env bash
# run_programs.sh - end-to-end tests: run Go programs with goi and compare
# the results with the expectations stored next to each program.
#
# usage:
#   run_programs.sh GOI FILE.go          run one program (what meson test does)
#   run_programs.sh GOI DIR...           run every program under the DIRs
#   run_programs.sh --list DIR...        list the programs, one per line, as
#                                        "SUITES<TAB>PATH" (used by meson)
#
# A program is a file NAME.go that has a NAME.out beside it:
#   NAME.out   exact expected stdout (required)
#   NAME.exit  expected exit status (default 0)
#   NAME.err   lines that must each occur as a substring of stderr
#   NAME.in    stdin (default /dev/null)
#   NAME.args  command-line arguments, one per line
# It runs as `GOI run NAME.go ARGS...` in the file's own directory under
# LC_ALL=C with a time limit of PROGRAM_TIMEOUT seconds (default 20). A
# report of AddressSanitizer, UndefinedBehaviorSanitizer or ThreadSanitizer
# on stderr fails the test whatever the exit status.
#
# Suites printed by --list: "samples" for the programs of a listed DIR named
# samples, "programs" for the rest; plus "concurrency" when the path below DIR
# has a directory named concurrency, the name starts with conc_ or tour_, or
# the source has a go statement or a channel type.
set -u
export LC_ALL=C

timeout_s=${PROGRAM_TIMEOUT:-20}

usage() {
    sed -n '4,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

# find_programs DIR...: every NAME.go with a NAME.out, sorted.
find_programs() {
    local f
    find -H "$@" -type f -name '*.go' | LC_ALL=C sort | while IFS= read -r f; do
        [ -f "${f%.go}.out" ] && printf '%s\n' "$f"
    done
}

# suites_of DIR FILE: the comma-separated suites of FILE, found under DIR.
suites_of() {
    local dir=${1%/} f=$2 suites=programs rel base
    rel=${f#"$dir"/}
    base=${f##*/}
    [ "${dir##*/}" = samples ] && suites=samples
    # A go statement or a channel type, outside // comments.
    if case "/$rel" in */concurrency/*) true ;; *) false ;; esac ||
        case $base in conc_* | tour_*) true ;; *) false ;; esac ||
        sed 's://.*$::' "$f" | grep -Eq '(^|[^[:alnum:]_.])(go[[:space:]]+[[:alnum:]_(]|chan([[:space:]]|<-)|<-[[:space:]]*chan)'; then
        suites="$suites,concurrency"
    fi
    printf '%s\n' "$suites"
}

# run_one GOI FILE.go: run one program, print what went wrong, return 0 on a pass.
run_one() {
    local goi=$1 file=$2
    local dir base stem want_rc rc
    dir=$(dirname "$file")
    base=$(basename "$file")
    stem="$dir/${base%.go}"
    if [ ! -f "$stem.out" ]; then
        echo "FAIL $file: no ${base%.go}.out beside it"
        return 1
    fi

    local tmp=$work
    local args=()
    if [ -f "$stem.args" ]; then
        mapfile -t args <"$stem.args"
    fi
    local input=/dev/null
    [ -f "$stem.in" ] && input="$stem.in"

    (cd "$dir" && ulimit -f 65536 && exec timeout -k 2 "$timeout_s" "$goi" run "$base" "${args[@]}") \
        <"$input" >"$tmp/stdout" 2>"$tmp/stderr"
    rc=$?

    want_rc=0
    [ -f "$stem.exit" ] && want_rc=$(tr -d ' \t\r\n' <"$stem.exit")

    local reasons=()
    if [ "$rc" != "$want_rc" ]; then
        if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
            reasons+=("timed out after ${timeout_s}s (want exit $want_rc)")
        else
            reasons+=("exit status $rc, want $want_rc")
        fi
    fi
    if ! cmp -s "$stem.out" "$tmp/stdout"; then
        reasons+=("stdout differs")
    fi
    if [ -f "$stem.err" ]; then
        local want_err
        while IFS= read -r want_err || [ -n "$want_err" ]; do
            [ -n "$want_err" ] || continue
            if ! grep -qaF -- "$want_err" "$tmp/stderr"; then
                reasons+=("stderr lacks \"$want_err\"")
            fi
        done <"$stem.err"
    fi
    if grep -qaE '^SUMMARY: [A-Za-z]*Sanitizer|^WARNING: ThreadSanitizer|^==[0-9]+==ERROR: [A-Za-z]*Sanitizer|\.[ch]:[0-9]+:[0-9]+: runtime error: ' "$tmp/stderr"; then
        reasons+=("sanitizer report on stderr")
    fi

    if [ ${#reasons[@]} -eq 0 ]; then
        echo "PASS $file"
        return 0
    fi
    local joined
    joined=$(printf '%s; ' "${reasons[@]}")
    echo "FAIL $file: ${joined%; }"
    echo "  command: (cd $dir && $goi run $base${args[*]:+ ${args[*]}})"
    if ! cmp -s "$stem.out" "$tmp/stdout"; then
        echo "  stdout diff (first 40 lines):"
        diff -u --label expected --label actual "$stem.out" "$tmp/stdout" | head -n 40 | sed 's/^/    /'
    fi
    echo "  stderr (first 30 lines):"
    if [ -s "$tmp/stderr" ]; then
        head -n 30 "$tmp/stderr" | sed 's/^/    /'
    else
        echo "    (empty)"
    fi
    return 1
}

[ $# -ge 1 ] || usage
case $1 in -h | --help) usage ;; esac

if [ "$1" = --list ]; then
    shift
    [ $# -ge 1 ] || usage
    for dir in "$@"; do
        find_programs "$dir" | while IFS= read -r f; do
            printf '%s\t%s\n' "$(suites_of "$dir" "$f")" "$f"
        done
    done
    exit 0
fi

[ $# -ge 2 ] || usage
work=$(mktemp -d "${TMPDIR:-/tmp}/goi-prog.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT
goi=$1
shift
case $goi in
    /*) ;;
    */*) goi="$(cd "$(dirname "$goi")" && pwd)/$(basename "$goi")" ;;
esac
if [ ! -x "$goi" ] && ! command -v "$goi" >/dev/null; then
    echo "run_programs.sh: goi not found: $goi" >&2
    exit 2
fi

if [ $# -eq 1 ] && [ -f "$1" ]; then
    run_one "$goi" "$1"
    exit
fi

passed=0
failed=0
while IFS= read -r f; do
    if run_one "$goi" "$f"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
done < <(find_programs "$@")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
