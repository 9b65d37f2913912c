#!/bin/sh
# run-demo.sh - plays the demo bundle. With no display (no $DISPLAY and no
# $WAYLAND_DISPLAY) it runs headless for a minute and saves screenshots,
# so the demo also works over SSH and in CI. WINDOWED=1: a window.
set -eu
BUILD=$1
BUNDLE=$2
DATA="$BUILD/demo-data"
bin="$BUILD/bangtin"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -e /dev/dri/card0 -a -z "${HEADLESS:-}" ]; then
    flags=""
    [ "${WINDOWED:-0}" = 1 ] && flags="--windowed --set width=1280 --set height=720"
    echo "run-demo: playing $BUNDLE (staff keys: F12 three times; or Ctrl+C here)"
    exec "$bin" --content "$BUNDLE" --data-dir "$DATA" $flags
fi

out="$BUILD/demo-screens"
mkdir -p "$out"
echo "run-demo: no display here: playing 3 minutes of demo content headless"
"$bin" --headless --size 1920x1080 --content "$BUNDLE" --data-dir "$DATA" \
    --speed 0 --run-for 180 \
    --screenshot 2:"$out/01.png" --screenshot 20:"$out/02.png" \
    --screenshot 40:"$out/03.png" --screenshot 60:"$out/04.png" \
    --screenshot 80:"$out/05.png" --screenshot 100:"$out/06.png" \
    --screenshot 120:"$out/07.png" --screenshot 140:"$out/08.png"
echo "run-demo: screenshots in $out/ (under Xvfb: xvfb-run make demo WINDOWED=1)"
