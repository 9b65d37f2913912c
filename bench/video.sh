#!/bin/sh
# video.sh - video benchmark at 1920x1080 under Xvfb: bangtin's video path,
# Chromium in kiosk mode and a decode-only libvlc baseline, same clips.
#
# Usage: sh bench/video.sh [BUILD_DIR]   (BENCH_SECS=20 by default)
# For each clip (H.264 720p30 and 1080p30) and each player it measures,
# over BENCH_SECS after a warm-up: CPU (utime+stime of the whole process
# tree from /proc/PID/stat, in % of one core), PSS (sum of
# /proc/PID/smaps_rollup over the tree, at the end) and frames presented
# against frames decoded where the player can tell.
set -eu

BUILD=${1:-build}
SECS=${BENCH_SECS:-20}
WARM=3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/bangtin-video-bench-XXXXXX)
xvfb_pid=""

cleanup() {
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

need() {
    command -v "$1" >/dev/null 2>&1 || { echo "video.sh: $1 is missing" >&2; exit 1; }
}
need ffmpeg
need Xvfb
need chromium

# ---- clips and helper --------------------------------------------------
echo "making clips in $work"
for size in 1280x720 1920x1080; do
    ffmpeg -nostdin -loglevel error -y \
        -f lavfi -i "testsrc2=size=$size:rate=30:duration=10" \
        -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -g 60 \
        -movflags +faststart "$work/clip-${size#*x}p.mp4"
done

cc -O2 -std=c11 -D_GNU_SOURCE -iquote "$ROOT/src/common" -iquote "$ROOT/src/player" \
    $(pkg-config --cflags sdl2 libvlc) \
    "$ROOT/bench/video-play.c" "$ROOT/src/player/video.c" "$ROOT/src/player/mempolicy.c" \
    "$ROOT/src/common/log.c" \
    -o "$work/video-play" $(pkg-config --libs sdl2 libvlc) -lpthread
cc -O2 -std=c11 "$ROOT/bench/vlc-decode.c" -o "$work/vlc-decode" \
    $(pkg-config --cflags --libs libvlc)

# ---- display ------------------------------------------------------------
disp=:$((90 + $$ % 9))
Xvfb "$disp" -screen 0 1920x1080x24 -nolisten tcp -noreset >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$disp
sleep 1

# ---- measuring a process tree ------------------------------------------
tree() {
    ps -e -o pid=,ppid= | awk -v root="$1" '
        { parent[$1] = $2 }
        END {
            keep[root] = 1; changed = 1
            while (changed) {
                changed = 0
                for (p in parent)
                    if (!(p in keep) && (parent[p] in keep)) { keep[p] = 1; changed = 1 }
            }
            for (p in keep) print p
        }'
}

ticks() {
    total=0
    for p in $(tree "$1"); do
        t=$(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0)
        total=$((total + t))
    done
    echo "$total"
}

pss_kb() {
    total=0
    for p in $(tree "$1"); do
        k=$(awk '/^Pss:/ { print $2 }' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)
        total=$((total + ${k:-0}))
    done
    echo "$total"
}

hz=$(getconf CLK_TCK)

# measure NAME PID: CPU over SECS after WARM, PSS at the end.
measure() {
    sleep "$WARM"
    t0=$(ticks "$2")
    s0=$(date +%s%N)
    sleep "$SECS"
    t1=$(ticks "$2")
    s1=$(date +%s%N)
    pss=$(pss_kb "$2")
    cpu=$(awk -v d=$((t1 - t0)) -v hz="$hz" -v ns=$((s1 - s0)) \
        'BEGIN { printf "%.1f", 100 * d / hz / (ns / 1e9) }')
    echo "$cpu $((pss / 1024))"
}

results="$work/results.txt"
: > "$results"

row() {
    printf '%-28s %-6s %8s %8s  %s\n' "$1" "$2" "$3" "$4" "$5" | tee -a "$results"
}

run_bangtin() {
    clip=$1 label=$2 chroma=$3
    out="$work/play.out"
    "$work/video-play" "$clip" $((WARM + SECS + 2)) "$chroma" > "$out" 2>/dev/null &
    pid=$!
    m=$(measure "$label" "$pid")
    wait "$pid" || true
    frames=$(sed -n 's/.*decoded=\([0-9]*\) presented=\([0-9]*\).*/\2 of \1 decoded/p' "$out")
    renderer=$(sed -n 's/.*renderer=\([^ ]*\).*/\1/p' "$out")
    row "bangtin ($chroma, $renderer)" "$label" ${m% *} ${m#* } "presented $frames"
}

# The whole player: a bundle of one video item looping, full screen on
# the Xvfb display, with the header, ticker and corner QR drawn over it.
run_app() {
    clip=$1 label=$2
    if [ ! -x "$ROOT/$BUILD/bangtin" ] || [ ! -x "$ROOT/$BUILD/bangtin-pack" ]; then
        row "bangtin (app)" "$label" "-" "-" "not built: make all"
        return
    fi
    src="$work/src-$label"
    mkdir -p "$src"
    cp "$clip" "$src/clip.mp4"
    cat > "$src/manifest.in.json" <<EOF
{
  "format": 1, "version": 1, "published_at": "2026-03-01T08:00:00+07:00",
  "commission": "Ủy ban bầu cử phường Hoa Sen",
  "election": {"name": "Bầu cử thử", "day": "2026-03-15"},
  "links": {"feedback_url": "https://example.org/gop-y",
            "zalo_oa_url": "https://example.org/zalo", "zalo_oa_name": "Hoa Sen"},
  "playlist": [{"id": "clip", "type": "video", "media": {"file": "clip.mp4"},
                "audio": false, "loops": 100, "duration_s": 3600}]
}
EOF
    "$ROOT/$BUILD/bangtin-pack" "$src/manifest.in.json" "$work/bundle-$label" \
        > /dev/null 2>&1
    (cd "$ROOT" && exec "$ROOT/$BUILD/bangtin" --content "$work/bundle-$label" \
        --data-dir "$work/data-$label" --set width=1920 --set height=1080 \
        --log-level info) > "$work/app.log" 2>&1 &
    pid=$!
    m=$(measure "$label" "$pid")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # The player logs each clip's counts when it closes it, on SIGTERM too.
    frames=$(sed -n 's/.* \([0-9]*\) pictures decoded, \([0-9]*\) shown.*/presented \2 of \1 decoded/p' \
        "$work/app.log" | tail -1)
    row "bangtin (app, overlay)" "$label" ${m% *} ${m#* } "${frames:--}"
}

run_chromium() {
    clip=$1 label=$2
    cp "$clip" "$work/page-clip.mp4"
    cat > "$work/page.html" <<'EOF'
<!doctype html>
<html><body style="margin:0;background:#000;overflow:hidden">
<video id="v" src="page-clip.mp4" autoplay muted loop playsinline
 style="width:100vw;height:100vh;object-fit:contain"></video>
<script>
setInterval(function () {
  var q = document.getElementById('v').getVideoPlaybackQuality();
  console.log('BENCH total=' + q.totalVideoFrames + ' dropped=' + q.droppedVideoFrames);
}, 1000);
</script></body></html>
EOF
    profile=$(mktemp -d "$work/chrome-XXXXXX")
    chromium --kiosk --no-sandbox --no-first-run --no-default-browser-check \
        --disable-extensions --disable-background-networking --disable-sync \
        --disable-translate --disable-features=Translate,MediaRouter \
        --autoplay-policy=no-user-gesture-required --password-store=basic \
        --noerrdialogs --user-data-dir="$profile" \
        --window-position=0,0 --window-size=1920,1080 \
        --enable-logging=stderr --v=0 \
        "file://$work/page.html" > "$work/chrome.log" 2>&1 &
    pid=$!
    m=$(measure "$label" "$pid")
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    last=$(grep -o 'BENCH total=[0-9]* dropped=[0-9]*' "$work/chrome.log" | tail -1)
    total=$(echo "$last" | sed -n 's/.*total=\([0-9]*\).*/\1/p')
    dropped=$(echo "$last" | sed -n 's/.*dropped=\([0-9]*\).*/\1/p')
    if [ -n "$total" ]; then
        frames="presented $((total - dropped)) of $total decoded"
    else
        frames="(no frame counts in the log)"
    fi
    row "chromium --kiosk" "$label" ${m% *} ${m#* } "$frames"
}

run_vlc_baseline() {
    clip=$1 label=$2
    out="$work/decode.out"
    "$work/vlc-decode" "$clip" $((WARM + SECS + 1)) > "$out" 2>/dev/null &
    pid=$!
    m=$(measure "$label" "$pid")
    wait "$pid" || true
    frames=$(sed -n 's/decoded=\([0-9]*\) displayed=\([0-9]*\).*/libvlc counts: decoded \1, to the dummy output \2/p' "$out")
    row "libvlc decode only" "$label" ${m% *} ${m#* } "$frames"
}

echo
printf '%-28s %-6s %8s %8s  %s\n' "player" "clip" "CPU %" "PSS MB" "frames"
for label in 720p 1080p; do
    clip="$work/clip-$label.mp4"
    run_app "$clip" "$label"
    run_bangtin "$clip" "$label" i420
    run_bangtin "$clip" "$label" rv32
    run_chromium "$clip" "$label"
    run_vlc_baseline "$clip" "$label"
done
echo
echo "CPU in % of one core over ${SECS} s after ${WARM} s; $(nproc) cores;" \
     "PSS summed over each process tree."
