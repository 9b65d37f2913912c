#!/bin/sh
# run.sh - `make bench`: the player against a Chromium kiosk showing the
# same pages, side by side on one Xvfb screen. Usage: sh bench/run.sh BUILD
set -eu
BUILD=${1:-build}
here=$(dirname "$0")

for tool in Xvfb chromium python3 cc; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "bench: $tool is missing (apt-get install xvfb chromium python3 gcc)" >&2
        exit 1
    fi
done
if [ ! -x "$BUILD/bangtin" ] || [ ! -f "$BUILD/demo-src/manifest.in.json" ]; then
    echo "bench: build first: make BUILD=$BUILD all demo-content" >&2
    exit 1
fi

if ! pkg-config --exists x11 xext; then
    echo "bench: the X11 headers are missing (apt-get install libx11-dev libxext-dev)" >&2
    exit 1
fi

mkdir -p "$BUILD/bench"
cc -std=c11 -D_GNU_SOURCE -O2 -Wall -Wextra -o "$BUILD/bench/frameprobe" \
    "$here/frameprobe.c" $(pkg-config --libs x11 xext)

exec python3 "$here/bench.py" "$BUILD"
