#!/usr/bin/env bash
# make_corpus.sh DIR - fill DIR with the seed corpus of fuzz_compile: every
# Go file of the repository's tests and samples, the shared conformance
# cases, the standard packages of stdlib/go renamed to package main, and,
# when a Go toolchain's sources are installed, Go's own test programs
# ($GOROOT/test: thousands of tricky programs, many with intended errors).
# Files larger than 64 KiB are left out (they slow every mutation down).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 DIR" >&2; exit 2; }
out=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$out"

goroot=${GOROOT:-}
if [ -z "$goroot" ] && command -v go >/dev/null 2>&1; then goroot=$(go env GOROOT); fi
if [ -z "$goroot" ]; then goroot=$(ls -d /usr/lib/go-1.* 2>/dev/null | sort -V | tail -n 1 || true); fi

n=0
add() { # add FILE [sed-script]: store FILE under the hash of its contents
    local f=$1 sum
    [ "$(stat -L -c %s "$f")" -le 65536 ] || return 0
    if [ $# -ge 2 ]; then
        sum=$(sed "$2" "$f" | tee "$out/tmp.$$" | sha1sum | cut -c1-40)
        mv "$out/tmp.$$" "$out/$sum"
    else
        sum=$(sha1sum <"$f" | cut -c1-40)
        cp "$f" "$out/$sum"
    fi
    n=$((n + 1))
}

while IFS= read -r f; do add "$f"; done < <(find -L "$root/tests/programs" "$root/samples" -name '*.go')
if [ -d "$root/../shared/conformance/cases" ]; then
    while IFS= read -r f; do add "$f"; done < <(find -L "$root/../shared/conformance/cases" -name '*.go')
fi
for f in "$root"/stdlib/go/*.go; do add "$f" '1,/^package /s/^package .*/package main/'; done
if [ -n "$goroot" ] && [ -d "$goroot/test" ]; then
    while IFS= read -r f; do add "$f"; done < <(find -L "$goroot/test" -name '*.go')
fi
echo "make_corpus.sh: $n files into $out ($(ls "$out" | wc -l) distinct)"
