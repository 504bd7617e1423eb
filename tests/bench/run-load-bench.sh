#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# MESSAGE transactions per second that `tidings-cli listen` answers over
# loopback UDP (without a profile, and with one that stores every message
# before its 200), measured in one run beside baresip (a real user agent)
# and Kamailio answering statefully (t_newtran + t_reply), with the shared
# load generator. Prints the run's Markdown table.
#
#   tests/bench/run-load-bench.sh [LOAD_DIR] [TARGETS]
#
# LOAD_DIR is the shared load benchmark (default ../shared/bench/load next to
# the repository), copied to a temporary directory first. TARGETS defaults to
# "kam-tm-1 baresip". Needs the release build of tidings-cli (`make
# bench-load` builds it) and packaging/bench-packages.txt (installed when
# missing). listen prints its JSON line for every message to /dev/null.
set -euo pipefail

top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
load=${1:-$top/../shared/bench/load}
targets=${2:-"kam-tm-1 baresip"}
cli=$top/build/release/bin/tidings-cli

[[ -d $load ]] || { echo "run-load-bench: no load benchmark at $load" >&2; exit 1; }
[[ -x $cli ]] || { echo "run-load-bench: build it first: make bench-load" >&2; exit 1; }
TIDINGS_PACKAGES_FILE=$top/packaging/bench-packages.txt "$top/packaging/install-deps.sh"

work=$(mktemp -d /tmp/tidings-load.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$load"/. "$work"/
# tidings-store: the same with --profile, each message committed to SQLite
# (synchronous=FULL, one transaction per socket drain) before its 200.
"$work/run.sh" --only "$targets" \
    --add tidings "$cli listen --aor sip:bench@127.0.0.1 --bind udp:127.0.0.1:\$PORT >/dev/null" \
    --add tidings-store "$cli listen --profile $work/profile --aor sip:bench@127.0.0.1 --bind udp:127.0.0.1:\$PORT >/dev/null"
