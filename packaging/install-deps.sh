#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the Debian packages listed in packaging/debian-packages.txt that are
# not installed yet. Runs `apt-get update` only when something is missing, and
# uses sudo when not run as root.
#
# Environment:
#   TIDINGS_SKIP_DEPS=1     do nothing (for machines whose packages are managed elsewhere)
#   TIDINGS_PACKAGES_FILE   use another package list
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
list=${TIDINGS_PACKAGES_FILE:-$here/debian-packages.txt}

if [[ ${TIDINGS_SKIP_DEPS:-0} == 1 ]]; then
    echo "install-deps: TIDINGS_SKIP_DEPS=1, not checking packages"
    exit 0
fi

die() {
    echo "install-deps: error: $*" >&2
    exit 1
}

[[ -r $list ]] || die "cannot read the package list $list"

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//' "$list" |
    grep -v '^$')

if ! command -v dpkg-query >/dev/null 2>&1; then
    die "this is not a Debian-based system (no dpkg-query). Install the equivalents of these" \
        "packages with your package manager, then run make with TIDINGS_SKIP_DEPS=1:" \
        "${wanted[*]}"
fi

missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || missing+=("$pkg")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#wanted[@]} packages from ${list#"$PWD"/} are installed"
    exit 0
fi

echo "install-deps: installing ${#missing[@]} missing package(s): ${missing[*]}"

sudo=()
if ((EUID != 0)); then
    if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        die "installing packages needs root, and sudo is not installed. Run as root:" \
            "apt-get update && apt-get install --no-install-recommends ${missing[*]}"
    fi
fi

apt=("${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)

if ! "${apt[@]}" update; then
    die "'apt-get update' failed (network or apt sources?). The missing packages are:" \
        "${missing[*]}"
fi
if ! "${apt[@]}" install -y --no-install-recommends "${missing[@]}"; then
    die "'apt-get install' failed for: ${missing[*]}. Check the messages above; on a" \
        "distribution other than Debian 12 some names may differ."
fi

still=()
for pkg in "${missing[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == "install ok installed" ]] || still+=("$pkg")
done
((${#still[@]} == 0)) || die "still not installed after apt-get: ${still[*]}"
echo "install-deps: done"
