#!/bin/sh
# test_video_screen.sh - a video item on a real (Xvfb) screen through both
# of the player's drawing paths: software (each picture converted into a
# texture of the window's format) and OpenGL (the YUV planes uploaded as
# they are, here on Mesa's llvmpipe). The clip's colour bars must come out
# in their colours, under the overlay, with either. The clip is ffmpeg's
# still 100 % colour bars, so what is checked does not depend on when the
# screenshot falls.
. "$(dirname "$0")/lib.sh"

for tool in Xvfb xdotool ffmpeg; do
    command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool is not installed"; exit 0; }
done

. "$(dirname "$0")/xvfb.sh"
XVFB_PID=""
trap '[ -n "$XVFB_PID" ] && kill $XVFB_PID 2>/dev/null; rm -rf "$TMP"' EXIT
start_xvfb 1280x720 "$TMP"

src=$(fixture video)
ffmpeg -nostdin -loglevel error -y -f lavfi \
    -i "pal100bars=size=1280x720:rate=30:duration=6" \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p "$src/bars.mp4" ||
    { echo "FAIL: ffmpeg could not make the clip"; exit 1; }
pack "$src" "$TMP/bundle" || finish

# Eight bars of 160 px; a 100x100 square inside each, clear of the
# overlay. Red and blue also catch swapped chroma planes.
check_bars()
{
    for bar in "30 FFFFFF white" "190 FFFF00 yellow" "350 00FFFF cyan" \
               "510 00FF00 green" "670 FF00FF magenta" "830 FF0000 red" \
               "990 0000FF blue" "1150 000000 black"; do
        set -- $bar
        check_share "$shot" "$1" 300 100 100 "$2" 48 950 1000 \
            "$renderer: the $3 bar"
    done
}

for renderer in software gpu; do
    shot="$TMP/$renderer.png"
    RUNS=$((RUNS + 1))
    CHECKS=$((CHECKS + 1))
    timeout 30 "$BIN" --config "$TMP/empty.conf" --content "$TMP/bundle" \
        --data-dir "$TMP/data-$renderer" --set renderer=$renderer \
        --set fade_ms=0 --run-for 4 --screenshot "2.5:$shot" \
        --log-level info >"$TMP/play.log" 2>&1
    status=$?
    if [ $status != 0 ] || [ ! -s "$shot" ]; then
        fail "$renderer: the player exited $status without a screenshot:"
        tail -n 15 "$TMP/play.log" | sed 's/^/    /'
        continue
    fi
    used=$(sed -n "s/.*drawing with SDL's \([a-z0-9]*\) renderer.*/\1/p" "$TMP/play.log")
    if [ "$renderer" = gpu ] && [ "$used" = software ]; then
        echo "SKIP: no OpenGL here: the GPU drawing path was not tested"
        continue
    fi
    check_log "pictures decoded, [1-9][0-9]* shown" "$renderer: the clip was shown"
    check_bars
done

finish
