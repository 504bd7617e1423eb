#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the README's screenshots of the real app from a sample profile:
#   tools/screenshots.sh [BUILD_DIR] [OUT_DIR]     (defaults: build/dev docs/screenshots)
# Needs Xvfb, xdotool and ImageMagick's import (Debian: xvfb xdotool imagemagick).
# The sample profile is made the way a user makes one: tidings-cli listens
# with it while two peers write; the app then opens it, and a reply is typed
# into the real window. Traffic stays on 127.0.0.1.
set -euo pipefail

BUILD=${1:-build/dev}
OUT=${2:-docs/screenshots}
CLI="$BUILD/bin/tidings-cli"
APP="$BUILD/bin/tidings"
DISPLAY_NUMBER=${SCREENSHOT_DISPLAY:-:77}
WIDTH=1000
HEIGHT=680

for tool in Xvfb xdotool import; do
    command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (apt-get install xvfb xdotool imagemagick)" >&2; exit 1; }
done
mkdir -p "$OUT"
work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
export XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
profile="$work/profile"

# Peers that answer 200: bob and carol, each a listening tidings-cli.
"$CLI" listen --aor sip:bob@127.0.0.1 --bind udp:127.0.0.1:5072 >/dev/null &
pids+=($!)
"$CLI" listen --aor sip:carol@127.0.0.1 --bind udp:127.0.0.1:5073 >/dev/null &
pids+=($!)

# Alice's profile: what bob, carol and dave wrote while she listened.
"$CLI" listen --profile "$profile" --aor sip:alice@127.0.0.1 --bind udp:127.0.0.1:5071 >/dev/null &
listener=$!
sleep 0.5
send() { "$CLI" send --from "$1" --to sip:alice@127.0.0.1:5071 --text "$2" --timeout 5 >/dev/null; }
send sip:dave@127.0.0.1:5074 "Are we still on for Friday? The room is booked from 14:00."
send sip:carol@127.0.0.1:5073 "Grüße aus Tōkyō 東京 🙂 The slides are at https://example.org/slides"
send sip:bob@127.0.0.1:5072 "Morning Alice! Did the build go green?"
send sip:bob@127.0.0.1:5072 "$(printf 'Two things:\n1. the release notes\n2. the screenshots for the README')"
kill -INT "$listener"; wait "$listener" 2>/dev/null || true

Xvfb "$DISPLAY_NUMBER" -screen 0 ${WIDTH}x${HEIGHT}x24 -nolisten tcp >/dev/null 2>&1 &
pids+=($!)
sleep 1
export DISPLAY=$DISPLAY_NUMBER
"$APP" --profile "$profile" >/dev/null 2>&1 &
pids+=($!)
sleep 3
import -window root "$OUT/conversations.png"

# Open bob's conversation (the newest, at the top) and answer.
xdotool mousemove 150 90 click 1
sleep 1
xdotool type --delay 5 "Green on every preset. Release notes next."
xdotool key Return
sleep 1.5
import -window root "$OUT/conversation.png"
echo "screenshots: $OUT/conversations.png $OUT/conversation.png"
