#!/bin/sh
# video.sh - video benchmark at 1920x1080 under Xvfb: bangtin's video path,
# Chromium in kiosk mode and a decode-only libvlc baseline, same clips.
#
# Usage: sh bench/video.sh [BUILD_DIR]
#   BENCH_SECS  seconds measured per program (20)
#   BENCH_REPS  rounds; the order of the programs rotates each round (3)
# For each clip (H.264 720p30 and 1080p30) and each program it measures,
# over BENCH_SECS after a warm-up: CPU (utime+stime of the whole process
# tree from /proc/PID/stat, in % of one core), PSS (sum of
# /proc/PID/smaps_rollup over the tree, read every second; the highest
# reading counts) and frames presented against frames decoded where the
# program can tell. bench/video-summary.py prints the medians and the
# ratios to Chromium against the targets.
set -eu

BUILD=${1:-build}
SECS=${BENCH_SECS:-20}
REPS=${BENCH_REPS:-3}
WARM=3
ROOT=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/bangtin-video-bench-XXXXXX)
xvfb_pid=""
child=""

cleanup() {
    [ -n "$child" ] && kill "$child" 2>/dev/null || true
    [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() {
    command -v "$1" >/dev/null 2>&1 || {
        echo "video.sh: $1 is missing (apt-get install ffmpeg xvfb chromium python3)" >&2
        exit 1
    }
}
need ffmpeg
need Xvfb
need chromium
need python3

# ---- clips and helpers -------------------------------------------------
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
cc -O2 -std=c11 -D_GNU_SOURCE "$ROOT/bench/vlc-decode.c" -o "$work/vlc-decode" \
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

# measure PID: prints "CPU PSS_MB", CPU over SECS after WARM, PSS the
# highest of one reading a second over the same window.
measure() {
    sleep "$WARM"
    t0=$(ticks "$1")
    s0=$(date +%s%N)
    peak=0
    i=0
    while [ "$i" -lt "$SECS" ]; do
        sleep 1
        k=$(pss_kb "$1")
        [ "$k" -gt "$peak" ] && peak=$k
        i=$((i + 1))
    done
    t1=$(ticks "$1")
    s1=$(date +%s%N)
    awk -v d=$((t1 - t0)) -v hz="$hz" -v ns=$((s1 - s0)) -v kb="$peak" \
        'BEGIN { printf "%.1f %.1f\n", 100 * d / hz / (ns / 1e9), kb / 1024 }'
}

# measure_child stop|wait: measures $child, the program just started in
# the background, into $m; then stops it, or waits for it to end on its
# own (the programs that print their counts when they end).
measure_child() {
    m=$(measure "$child")
    [ "$1" = stop ] && kill "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
    child=""
}

rows="$work/rows.tsv"
: > "$rows"

# row PROGRAM CLIP "CPU PSS" PRESENTED DECODED
row() {
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "${3% *}" "${3#* }" "$4" "$5" >> "$rows"
    printf '  %-26s %-6s CPU %5s %%  PSS %6s MB  frames %s of %s\n' \
        "$1" "$2" "${3% *}" "${3#* }" "$4" "$5"
}

run_module() {
    clip=$1 label=$2 chroma=$3
    out="$work/play.out"
    "$work/video-play" "$clip" $((WARM + SECS + 2)) "$chroma" > "$out" 2>/dev/null &
    child=$!
    measure_child wait
    presented=$(sed -n 's/.* presented=\([0-9]*\).*/\1/p' "$out")
    decoded=$(sed -n 's/.* decoded=\([0-9]*\).*/\1/p' "$out")
    row "bangtin ($chroma)" "$label" "$m" "${presented:--}" "${decoded:--}"
}

# The whole player: a bundle of one video item looping, full screen on
# the Xvfb display, with the header, ticker and corner QR drawn over it.
make_bundle() {
    clip=$1 label=$2
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
        > /dev/null
}

run_app() {
    clip=$1 label=$2
    rm -rf "$work/data-$label"
    (cd "$ROOT" && exec "$ROOT/$BUILD/bangtin" --content "$work/bundle-$label" \
        --data-dir "$work/data-$label" --set width=1920 --set height=1080 \
        --log-level info) > "$work/app.log" 2>&1 &
    child=$!
    measure_child stop
    # The player logs a clip's counts when it closes it, on SIGTERM too.
    counts=$(sed -n 's/.* \([0-9]*\) pictures decoded, \([0-9]*\) shown.*/\2 \1/p' \
        "$work/app.log" | tail -1)
    row "bangtin (app, overlay)" "$label" "$m" "${counts% *}" "${counts#* }"
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
        --disable-component-update --disable-gpu \
        --disable-translate --disable-features=Translate,MediaRouter \
        --autoplay-policy=no-user-gesture-required --password-store=basic \
        --noerrdialogs --user-data-dir="$profile" \
        --window-position=0,0 --window-size=1920,1080 \
        --enable-logging=stderr --v=0 \
        "file://$work/page.html" > "$work/chrome.log" 2>&1 &
    child=$!
    measure_child stop
    last=$(grep -o 'BENCH total=[0-9]* dropped=[0-9]*' "$work/chrome.log" | tail -1)
    total=$(echo "$last" | sed -n 's/.*total=\([0-9]*\).*/\1/p')
    dropped=$(echo "$last" | sed -n 's/.*dropped=\([0-9]*\).*/\1/p')
    if [ -n "$total" ]; then
        row "chromium --kiosk" "$label" "$m" "$((total - dropped))" "$total"
    else
        row "chromium --kiosk" "$label" "$m" "-" "-"
    fi
    rm -rf "$profile"
}

run_decode() {
    clip=$1 label=$2
    "$work/vlc-decode" "$clip" $((WARM + SECS + 1)) > /dev/null 2>&1 &
    child=$!
    measure_child wait
    row "libvlc decode only" "$label" "$m" "-" "-"
}

run_one() {
    case $1 in
        app) run_app "$2" "$3" ;;
        i420) run_module "$2" "$3" i420 ;;
        rv32) run_module "$2" "$3" rv32 ;;
        chromium) run_chromium "$2" "$3" ;;
        decode) run_decode "$2" "$3" ;;
    esac
}

if [ ! -x "$ROOT/$BUILD/bangtin" ] || [ ! -x "$ROOT/$BUILD/bangtin-pack" ]; then
    echo "video.sh: build first: make BUILD=$BUILD all" >&2
    exit 1
fi
for label in 720p 1080p; do
    make_bundle "$work/clip-$label.mp4" "$label"
done

started=$(date +%s)
programs="app chromium decode i420 rv32"
rep=1
while [ "$rep" -le "$REPS" ]; do
    echo "round $rep of $REPS"
    for label in 720p 1080p; do
        for prog in $programs; do
            run_one "$prog" "$work/clip-$label.mp4" "$label"
        done
    done
    # Rotate, so that a busy spell on a shared machine falls on each
    # program in turn.
    programs="${programs#* } ${programs%% *}"
    rep=$((rep + 1))
done

echo
echo "Run $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores," \
     "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
     "libvlc $(pkg-config --modversion libvlc); $(chromium --version 2>/dev/null | head -1)."
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)." \
     "Bench time $(( $(date +%s) - started )) s."
echo "CPU in % of one core over $SECS s after $WARM s; PSS the highest reading" \
     "of one a second over the same window, summed over the process tree."
echo
python3 "$ROOT/bench/video-summary.py" "$rows"
