#!/bin/sh
# check_go_sources.sh - type-check goi's Go package sources with real Go.
#
# Body-less (native) functions get a panicking body, each package is put in
# a scratch module, imports between goi's packages are redirected there,
# and `go vet` checks the result. Packages from the real standard library
# (io, os ...) stand in for those goi does not provide in stdlib/go.
#   stdlib/tools/check_go_sources.sh [package-file ...]   (default: all)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$here/go"
files=${*:-$(ls *.go)}
printf 'module goicheck\n\ngo 1.19\n' > "$tmp/go.mod"
# import path of each file's package (the file name is not always the package name)
path_of() {
    case "$1" in
    utf8.go) echo unicode/utf8 ;;
    rand.go) echo math/rand ;;
    atomic.go) echo sync/atomic ;;
    fs.go) echo io/fs ;;
    bits.go) echo math/bits ;;
    filepath.go) echo path/filepath ;;
    heap.go) echo container/heap ;;
    list.go) echo container/list ;;
    ring.go) echo container/ring ;;
    *) basename "$1" .go ;;
    esac
}
provided=""
for f in $files; do provided="$provided $(path_of "$f")"; done
for f in $files; do
    p=$(path_of "$f")
    mkdir -p "$tmp/$p"
    python3 - "$f" "$tmp/$p/$f" "$provided" <<'PY'
import re, sys
src, dst, provided = sys.argv[1], sys.argv[2], sys.argv[3].split()
text = open(src).read()
# give natives a body
text = re.sub(r'^(func [^\n{]*[^{\s])\s*$', r'\1 { panic("native") }', text, flags=re.M)
for p in provided:
    text = re.sub(r'"%s"' % re.escape(p), '"goicheck/%s"' % p, text)
open(dst, 'w').write(text)
PY
done
cd "$tmp"
go vet ./... && echo "go vet: ok ($files)"
