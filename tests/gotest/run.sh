#!/usr/bin/env bash
# run.sh - differential testing of goi against Go's own test suite: every
# single-file `// run` test of GOROOT/test runs once as a program built by
# the real Go toolchain and once with goi, and the two results are compared.
#
# usage: run.sh [-j N] [-o DIR] [-t SECS] [--goroot DIR] [--dirs "D..."]
#               [--cache DIR] [--compile] GOI [TEST.go...]
#
#   -j N         parallel jobs (default: the number of CPUs)
#   -o DIR       where to write results.tsv and the outputs of the tests
#                that differ (default: a new temporary directory)
#   -t SECS      time limit for each run (default 10)
#   --goroot DIR the Go installation whose test/ to use (default: the one
#                of `go env GOROOT`, e.g. /usr/lib/go-1.19)
#   --dirs "D.." the folders of GOROOT/test to take tests from
#                (default: ". ken chan interface fixedbugs abi")
#   --cache DIR  where the real Go results are kept between runs, keyed by
#                the test's contents and the Go version (default:
#                ${XDG_CACHE_HOME:-~/.cache}/goi-gotest)
#   --compile    also the "// compile" tests, which must only compile: each
#                becomes package main (with an empty main when it has none)
#                and goi compiles it (goi dis) where Go builds it
#   TEST.go...   run only these tests (paths relative to GOROOT/test)
#
# Prints one line per test that is not "same", then the summary. See README.md
# beside this script for what is selected and how results are classified.
set -u
export LC_ALL=C

usage() {
    sed -n '6,7p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

jobs=$(nproc 2>/dev/null || echo 2)
outdir=
timeout_s=10
goroot=
dirs=". ken chan interface fixedbugs abi"
cache=${XDG_CACHE_HOME:-$HOME/.cache}/goi-gotest
one=
compile_tests=false

while [ $# -gt 0 ]; do
    case $1 in
        -j) [ $# -ge 2 ] || usage; jobs=$2; shift 2 ;;
        -o) [ $# -ge 2 ] || usage; outdir=$2; shift 2 ;;
        -t) [ $# -ge 2 ] || usage; timeout_s=$2; shift 2 ;;
        --goroot) [ $# -ge 2 ] || usage; goroot=$2; shift 2 ;;
        --dirs) [ $# -ge 2 ] || usage; dirs=$2; shift 2 ;;
        --cache) [ $# -ge 2 ] || usage; cache=$2; shift 2 ;;
        --compile) compile_tests=true; shift ;;
        --one) one=1; shift ;; # internal: run one test (used by the workers)
        -h | --help) usage ;;
        -*) echo "run.sh: unknown option $1" >&2; usage ;;
        *) break ;;
    esac
done
[ $# -ge 1 ] || usage
goi=$1
shift
case $goi in
    /*) ;;
    *) goi="$(cd "$(dirname "$goi")" && pwd)/$(basename "$goi")" ;;
esac
[ -x "$goi" ] || { echo "run.sh: goi not found: $goi" >&2; exit 2; }
[ -n "$goroot" ] || goroot=$(go env GOROOT 2>/dev/null)
gobin="$goroot/bin/go"
testdir="$goroot/test"
[ -x "$gobin" ] && [ -d "$testdir" ] || {
    echo "run.sh: no Go toolchain with a test/ folder at '$goroot' (use --goroot)" >&2
    exit 2
}

# recipe FILE: the test's run recipe as GOROOT/test/run.go reads it — the
# text up to the first blank line, without its leading "//" — on one line.
# Prints nothing for a file whose recipe starts with a build constraint.
recipe() {
    awk 'NR == 1 && /\+build|^\/\/go:build/ { exit }
         /^$/ { exit }
         { sub(/^\/\/ ?/, ""); printf "%s ", $0 }' "$1"
}

# select_test FILE: succeeds for a test goi should try, printing its action
# ("run", or "runoutput": the program prints the Go program to test) and the
# program's arguments (the words after the action, without go command flags
# such as -gcflags=-l or -race, which do not change what a correct program
# does); fails for the others: other actions, build constraints anywhere in
# the header, or extra files named in the recipe.
select_test() {
    local f=$1 r words w skip=false
    local -a out=()
    r=$(recipe "$f")
    read -r -a words <<<"$r"
    case ${words[0]:-} in
        run | runoutput) ;;
        compile) $compile_tests || return 1 ;;
        *) return 1 ;;
    esac
    # gc's build constraints may also follow other header comments.
    sed '/^package /q' "$f" | grep -Eq '^//go:build|^// \+build' && return 1
    for w in "${words[@]:1}"; do
        if $skip; then skip=false; continue; fi
        case $w in
            -gcflags | -goexperiment) skip=true ;; # the flag's value follows
            -*) ;;
            *.go) return 1 ;;
            *) out+=("$w") ;;
        esac
    done
    printf '%s\n' "${words[0]} ${out[*]}"
}

# first_failure FILE: stderr of a failed run up to its first "panic: " or
# "fatal error: " line (inclusive), without the goroutine dumps that follow.
first_failure() {
    awk '/^(panic: |fatal error: )/ { print; exit }
         /^goroutine [0-9]+ \[/ { exit }
         { print }' "$1"
}

# run_prog OUT TIMEOUT CMD...: run CMD in GOROOT/test (as run.go does) with
# stdin from /dev/null, leaving OUT.stdout, OUT.stderr and OUT.rc.
run_prog() {
    local out=$1 t=$2
    shift 2
    (cd "$testdir" && ulimit -f 65536 && exec timeout -k 2 "$t" "$@") \
        </dev/null >"$out.stdout" 2>"$out.stderr"
    echo $? >"$out.rc"
}

# reference REL ACTION: build and run the test with the real toolchain
# (twice, to spot tests whose output is not deterministic), once per version
# of the file; prints the cache folder holding stdout, stderr, rc (and
# "flaky" or "nobuild" when so). For a runoutput test the program run is the
# one the test prints, kept there as gen.go.
reference() {
    local rel=$1 action=$2 key dir tmp src
    key=$( (cat "$testdir/$rel"; "$gobin" version) | sha1sum | cut -c1-16)
    dir="$cache/${rel//\//_}.$key"
    if [ ! -f "$dir/done" ]; then
        tmp=$(mktemp -d "${TMPDIR:-/tmp}/goi-gotest.XXXXXX")
        mkdir -p "$dir"
        rm -f "$dir/flaky" "$dir/nobuild"
        src="$testdir/$rel"
        if [ "$action" = compile ]; then
            src="$dir/main.go"
            sed -E 's/^package [A-Za-z0-9_]+$/package main/' "$testdir/$rel" >"$src"
            grep -q '^func main()' "$src" || printf '\nfunc main() {}\n' >>"$src"
        fi
        if [ "$action" = compile ] && (cd "$tmp" && GOFLAGS= GO111MODULE=off "$gobin" build -o "$tmp/prog" "$src") \
            >"$dir/build.log" 2>&1; then
            : >"$dir/ref.stdout"
            : >"$dir/ref.stderr"
            echo 0 >"$dir/ref.rc"
        elif [ "$action" = compile ]; then
            touch "$dir/nobuild"
        elif [ "$action" = runoutput ]; then
            src="$dir/gen.go"
            { (cd "$tmp" && GOFLAGS= GO111MODULE=off "$gobin" build -o "$tmp/gen" "$testdir/$rel") &&
                run_prog "$tmp/gen" "$timeout_s" "$tmp/gen" && cp "$tmp/gen.stdout" "$src"; } \
                >"$dir/build.log" 2>&1 || rm -f "$src"
        fi
        if [ "$action" = compile ]; then
            : # built above
        elif [ -f "$src" ] && (cd "$tmp" && GOFLAGS= GO111MODULE=off "$gobin" build -o "$tmp/prog" "$src") \
            >>"$dir/build.log" 2>&1; then
            run_prog "$dir/ref" "$timeout_s" "$tmp/prog" "${args[@]}"
            run_prog "$tmp/again" "$timeout_s" "$tmp/prog" "${args[@]}"
            if ! cmp -s "$dir/ref.stdout" "$tmp/again.stdout" ||
                ! cmp -s "$dir/ref.rc" "$tmp/again.rc" ||
                ! cmp -s <(first_failure "$dir/ref.stderr") <(first_failure "$tmp/again.stderr"); then
                touch "$dir/flaky"
            fi
        else
            touch "$dir/nobuild"
        fi
        rm -rf "$tmp"
        touch "$dir/done"
    fi
    printf '%s\n' "$dir"
}

# lacked_member MESSAGE: for goi's compile error "undefined: runtime.Stack"
# (or "... type *runtime.MemStats has no field or method Mallocs") about a
# member that Go's package does have, prints that member (runtime.Stack):
# a package goi has only in part, like runtime and unsafe.
lacked_member() {
    local m
    m=$(printf '%s\n' "$1" | sed -nE \
        -e 's/^undefined: ([a-z0-9]+\.[A-Z][A-Za-z0-9_]*)$/\1/p' \
        -e 's/.*\(type \*?([a-z0-9]+\.[A-Z][A-Za-z0-9_]*) has no field or method ([A-Z][A-Za-z0-9_]*)\)$/\1.\2/p')
    [ -n "$m" ] && (cd / && "$gobin" doc "$m") >/dev/null 2>&1 && printf '%s\n' "$m"
}

# run_one REL: classify one test; prints "CLASS<TAB>REL<TAB>DETAIL".
run_one() {
    local rel=$1 argline ref got rc want_rc detail= action prog
    local -a args=()
    argline=$(select_test "$testdir/$rel") || { printf 'not-selected\t%s\t\n' "$rel"; return; }
    read -r -a args <<<"$argline"
    action=${args[0]}
    args=("${args[@]:1}")
    ref=$(reference "$rel" "$action")
    if [ -f "$ref/nobuild" ]; then
        printf 'go-build-failed\t%s\t%s\n' "$rel" "$(head -n 2 "$ref/build.log" | tr '\n\t' '  ')"
        return
    fi
    got="$work/${rel//\//_}"
    prog="$testdir/$rel"
    [ "$action" = runoutput ] && prog="$ref/gen.go"
    if [ "$action" = compile ]; then
        run_prog "$got" "$timeout_s" "$goi" dis "$ref/main.go"
        : >"$got.stdout" # the bytecode listing
    else
        run_prog "$got" "$timeout_s" "$goi" run "$prog" "${args[@]}"
    fi
    rc=$(cat "$got.rc")
    want_rc=$(cat "$ref/ref.rc")

    local class=same
    if grep -q 'is not supported by goi' "$got.stderr"; then
        class=unsupported
        detail=$(grep -m1 'is not supported by goi' "$got.stderr" | sed 's/^[^ ]*: //')
    elif [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        class=goi-crash
        detail="timed out after ${timeout_s}s"
    elif [ "$rc" -gt 128 ] && [ "$rc" != "$want_rc" ]; then
        class=goi-crash
        detail="killed by signal $((rc - 128))"
    elif grep -qaE '^goi: internal error|Assertion .* failed|AddressSanitizer|runtime error: .*\.[ch]:' "$got.stderr"; then
        class=goi-crash
        detail=$(grep -m1 -aE '^goi: internal error|Assertion .* failed|AddressSanitizer|runtime error' "$got.stderr")
    else
        local why=()
        [ "$rc" = "$want_rc" ] || why+=("exit $rc, want $want_rc")
        cmp -s "$ref/ref.stdout" "$got.stdout" || why+=("stdout differs")
        if [ "$want_rc" = 0 ] && [ "$rc" = 0 ]; then
            cmp -s "$ref/ref.stderr" "$got.stderr" || why+=("stderr differs")
        elif ! cmp -s <(first_failure "$ref/ref.stderr") <(first_failure "$got.stderr"); then
            why+=("stderr differs")
        fi
        if [ ${#why[@]} -gt 0 ]; then
            class=different
            detail=$(printf '%s; ' "${why[@]}")
            detail=${detail%; }
            if [ "$rc" = 1 ] && grep -qE '^[^ ]*\.go:[0-9]+:[0-9]+: ' "$got.stderr"; then
                local msg member
                msg=$(grep -m1 -E '^[^ ]*\.go:[0-9]+:[0-9]+: ' "$got.stderr" | sed 's/^[^ ]*: //')
                detail="goi rejects it: $msg"
                while IFS= read -r msg; do
                    member=$(lacked_member "$msg")
                    if [ -n "$member" ]; then
                        class=unsupported
                        detail="goi lacks $member"
                        break
                    fi
                done < <(grep -E '^[^ ]*\.go:[0-9]+:[0-9]+: ' "$got.stderr" | sed 's/^[^ ]*: //')
            fi
            [ -f "$ref/flaky" ] && { class=flaky; detail="Go's own output varies; $detail"; }
        fi
    fi
    if [ "$class" = same ] || [ "$class" = unsupported ]; then
        rm -f "$got.stdout" "$got.stderr" "$got.rc"
    else
        cp "$ref/ref.stdout" "$got.go-stdout"
        cp "$ref/ref.stderr" "$got.go-stderr"
        cp "$ref/ref.rc" "$got.go-rc"
    fi
    printf '%s\t%s\t%s\n' "$class" "$rel" "$detail"
}

if [ -n "$one" ]; then
    work=$outdir
    for rel in "$@"; do
        run_one "$rel"
    done
    exit 0
fi

if [ -z "$outdir" ]; then
    outdir=$(mktemp -d "${TMPDIR:-/tmp}/goi-gotest-results.XXXXXX")
fi
mkdir -p "$outdir" "$cache" || exit 2
outdir=$(cd "$outdir" && pwd)

# The tests: the ones named, or every selected test of the folders.
list="$outdir/tests.txt"
if [ $# -gt 0 ]; then
    printf '%s\n' "$@" >"$list"
else
    for d in $dirs; do
        for f in "$testdir/$d"/*.go; do
            [ -f "$f" ] || continue
            rel=${f#"$testdir"/}
            rel=${rel#./}
            select_test "$f" >/dev/null && printf '%s\n' "$rel"
        done
    done >"$list"
fi

self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
compile_flag=()
$compile_tests && compile_flag=(--compile)
xargs -a "$list" -n 4 -P "$jobs" "$self" --one -o "$outdir" -t "$timeout_s" \
    --goroot "$goroot" --cache "$cache" "${compile_flag[@]}" "$goi" | sort -k2,2 >"$outdir/results.tsv"

awk -F'\t' '$1 != "same" && $1 != "unsupported" { printf "%-16s %s  %s\n", $1, $2, $3 }' "$outdir/results.tsv"
echo
echo "results: $outdir/results.tsv (outputs of the tests that are not \"same\" beside it)"
awk -F'\t' '{ n[$1]++; total++ }
    END {
        printf "%d tests:", total
        split("same different goi-crash unsupported flaky go-build-failed not-selected", order, " ")
        for (i = 1; i in order; i++) if (order[i] in n) printf " %s %d,", order[i], n[order[i]]
        printf "\n"
    }' "$outdir/results.tsv" | sed 's/,$//'
