#!/usr/bin/env bash
# run_conformance.sh - run the shared conformance corpus against goi and
# compare the failures with the list of expected failures.
#
# usage: run_conformance.sh [-j N] [-v] [--filter GLOB] [--runner RUN]
#                           [--cases DIR] [--xfail FILE] GOI
#
# Runs `RUN -j N CASES -- GOI run` (default RUN and CASES: the corpus in
# ../shared/conformance beside the repository; N: 2), prints the runner's
# FAIL lines and summary, then checks the result against FILE (default
# tests/conformance-xfail.txt: one case name per line, '#' starts a comment).
# It fails when
#   - a case that is not listed fails (a regression),
#   - a listed case passes (XPASS: take it off the list, so the list only
#     shrinks),
#   - a listed name is not a case of the corpus, or the runner breaks.
# Exit status: 0 when the failures are exactly the listed ones, 1 otherwise,
# 2 for usage errors, 77 (meson's "skipped") when the corpus is missing.
set -u
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
shared="$here/../../shared/conformance"
runner="$shared/run"
cases="$shared/cases"
xfail="$here/conformance-xfail.txt"
jobs=2
verbose=()
filter='*'

usage() {
    sed -n '5,6p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case $1 in
        -j) [ $# -ge 2 ] || usage; jobs=$2; shift 2 ;;
        -v) verbose=(-v); shift ;;
        --filter) [ $# -ge 2 ] || usage; filter=$2; shift 2 ;;
        --runner) [ $# -ge 2 ] || usage; runner=$2; shift 2 ;;
        --cases) [ $# -ge 2 ] || usage; cases=$2; shift 2 ;;
        --xfail) [ $# -ge 2 ] || usage; xfail=$2; shift 2 ;;
        -h | --help) usage ;;
        -*) echo "run_conformance.sh: unknown option $1" >&2; usage ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || usage
goi=$1

if [ ! -x "$runner" ] || [ ! -d "$cases" ]; then
    echo "run_conformance.sh: no conformance corpus at $runner; skipped"
    exit 77
fi
[ -f "$xfail" ] || { echo "run_conformance.sh: no such file: $xfail" >&2; exit 2; }

# The cases the runner will run (the same matching as the runner's --filter).
declare -A is_case=()
for f in "$cases"/*.go; do
    [ -e "$f" ] || continue
    base=${f##*/}
    name=${base%.go}
    # shellcheck disable=SC2053  # the filter is a glob on purpose
    if [[ $name == $filter || $base == $filter ]]; then
        is_case[$name]=1
    fi
done

# The expected failures, and names that are not cases of the corpus at all.
declare -A expected=()
unknown=()
while IFS= read -r line || [ -n "$line" ]; do
    line=${line%%#*}
    read -r name rest <<<"$line"
    [ -n "${name:-}" ] || continue
    if [ -n "${rest:-}" ]; then
        echo "run_conformance.sh: $xfail: one case name per line: '$line'" >&2
        exit 2
    fi
    if [ -e "$cases/$name.go" ]; then
        [ -n "${is_case[$name]+x}" ] && expected[$name]=1
    else
        unknown+=("$name")
    fi
done <"$xfail"

out=$("$runner" -j "$jobs" "${verbose[@]}" --filter "$filter" "$cases" -- "$goi" run 2>&1)
rc=$?
printf '%s\n' "$out"
summary=$(printf '%s\n' "$out" | tail -n 1)
if [ "$rc" -gt 1 ] || ! [[ $summary =~ ^[0-9]+\ passed,\ [0-9]+\ failed$ ]]; then
    echo "run_conformance.sh: the runner failed (exit status $rc)"
    exit 1
fi

declare -A failed=()
while IFS= read -r name; do
    failed[$name]=1
done < <(printf '%s\n' "$out" | sed -n 's/^FAIL \([^ :]*\): .*/\1/p')

regressions=()
xpasses=()
for name in $(printf '%s\n' "${!is_case[@]}" | sort); do
    if [ -n "${failed[$name]+x}" ] && [ -z "${expected[$name]+x}" ]; then
        regressions+=("$name")
    elif [ -z "${failed[$name]+x}" ] && [ -n "${expected[$name]+x}" ]; then
        xpasses+=("$name")
    fi
done

echo
for name in "${regressions[@]}"; do
    echo "UNEXPECTED FAIL: $name (not in tests/conformance-xfail.txt)"
done
for name in "${xpasses[@]}"; do
    echo "XPASS: $name — remove it from tests/conformance-xfail.txt"
done
for name in "${unknown[@]}"; do
    echo "UNKNOWN: $name is listed in tests/conformance-xfail.txt but is not a case"
done
echo "conformance: ${#is_case[@]} cases, ${#failed[@]} failed, ${#expected[@]} expected to fail;" \
    "${#regressions[@]} unexpected failures, ${#xpasses[@]} unexpected passes"
[ ${#regressions[@]} -eq 0 ] && [ ${#xpasses[@]} -eq 0 ] && [ ${#unknown[@]} -eq 0 ]
