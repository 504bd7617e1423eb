#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs sipcore-parse-bench side by side with GNU oSIP2, Sofia-SIP and libre on
# the shared IM corpus: wall time (median of 5) and callgrind instructions.
#
#   tests/bench/run-parse-bench.sh [PEERS_DIR]
#
# PEERS_DIR is the shared peer benchmark (default ../shared/bench/peers next
# to the repository); it is copied to a temporary directory first because it
# writes its corpus and results beside itself. Needs the release build of
# sipcore-parse-bench (`make bench-parse` builds it) and the packages in
# packaging/bench-packages.txt (installed when missing).
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
peers=${1:-$top/../shared/bench/peers}
bench=$top/build/release/tests/bench/sipcore-parse-bench

[[ -d $peers ]] || { echo "run-parse-bench: no peer benchmark at $peers" >&2; exit 1; }
[[ -x $bench ]] || { echo "run-parse-bench: build it first: make bench-parse" >&2; exit 1; }
TIDINGS_PACKAGES_FILE=$top/packaging/bench-packages.txt "$top/packaging/install-deps.sh"

work=$(mktemp -d /tmp/tidings-peers.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$peers"/. "$work"/
"$work/run.sh" -r 5 --bench "$bench"
"$work/run.sh" --callgrind --bench "$bench"
