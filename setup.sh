#!/usr/bin/env bash
# setup.sh - get goi running on a Debian 12 (or Ubuntu) machine:
#   1. install the build dependencies that are missing (apt-get, with sudo
#      when not root),
#   2. configure and build into build/ (reconfigure if it already exists),
#   3. run samples/primes.go, a concurrent prime sieve.
#
# usage: ./setup.sh [--deps-only] [MESON_OPTION...]
#   --deps-only      stop after step 1 (used by .ci/run)
#   MESON_OPTION     passed to `meson setup`, e.g. -Dreadline=false
set -euo pipefail
cd "$(dirname "$0")"

packages=(meson ninja-build pkg-config gcc libffi-dev libreadline-dev
          libcriterion-dev libgc-dev libgmp-dev zlib1g-dev)

install_deps() {
    if ! command -v dpkg-query >/dev/null 2>&1; then
        echo "setup.sh: no dpkg here; install these (or your system's equivalents) by hand:"
        echo "  ${packages[*]}"
        return 0
    fi
    local missing=() p
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$p")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "setup.sh: build dependencies already installed"
        return 0
    fi
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || {
            echo "setup.sh: need root or sudo to install: ${missing[*]}" >&2
            exit 1
        }
        sudo=(sudo)
    fi
    echo "setup.sh: installing ${missing[*]}"
    "${sudo[@]}" apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
}

deps_only=0
if [ "${1:-}" = --deps-only ]; then
    deps_only=1
    shift
fi

install_deps
[ "$deps_only" = 1 ] && exit 0

if [ -d build/meson-private ]; then
    meson setup --reconfigure build "$@"
else
    meson setup build "$@"
fi
meson compile -C build

# meson puts the executable under build/cmd/goi/ unless the top-level
# meson.build places it at build/goi.
goi=build/goi
[ -x "$goi" ] || goi=build/cmd/goi/goi
echo
echo "$ $goi run samples/primes.go"
"$goi" run samples/primes.go
