#!/bin/sh
# test-arm64.sh - runs the arm64 build's unit tests under qemu user
# emulation, then plays the demo headless and keeps one screenshot.
# Usage: sh scripts/test-arm64.sh BUILD [MODULE] (from mk/cross.mk)
set -u

BUILD=$1
only=${2:-}
QEMU=${ARM64_QEMU:-qemu-aarch64-static}
# An empty QEMU_LD_PREFIX means / (see ARM64_LD_PREFIX in mk/cross.mk).
[ -n "${QEMU_LD_PREFIX:-}" ] || unset QEMU_LD_PREFIX
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}
export BANGTIN_BUILD="$BUILD"
passed=0
failed=0
skipped=0
failures=""
started=$(date +%s)

run_one() {
    name=$1
    shift
    start=$(date +%s)
    if "$@" >"$BUILD/$name.log" 2>&1; then
        passed=$((passed + 1))
        echo "ok   $name ($(( $(date +%s) - start )) s)"
    else
        failed=$((failed + 1))
        failures="$failures $name"
        echo "FAIL $name ($(( $(date +%s) - start )) s, log: $BUILD/$name.log)"
    fi
}

# The tests know they run under an emulator (see test_video).
export BANGTIN_EMULATED=1

# vlc-plugin-base:arm64 cannot be installed beside the amd64 one (apt
# would remove the other): install-cross-deps.sh unpacks it into
# ARM64_VLC_PLUGINS instead, and libvlc finds it through VLC_PLUGIN_PATH.
vlc_plugins=/usr/lib/aarch64-linux-gnu/vlc/plugins
if [ ! -d "$vlc_plugins/codec" ]; then
    vlc_plugins=${ARM64_VLC_PLUGINS:-/opt/bangtin-arm64/vlc/plugins}
    export VLC_PLUGIN_PATH="$vlc_plugins"
fi

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    [ -n "$only" ] && [ "$name" != "test_$only" ] && continue
    if [ "$name" = test_video ] && [ ! -d "$vlc_plugins/codec" ]; then
        skipped=$((skipped + 1))
        echo "skip $name (no arm64 VLC plugins in $vlc_plugins)"
        continue
    fi
    run_one "$name" "$QEMU" "$t"
done

# The demo bundle, made by the arm64 tools themselves, then played.
demo() {
    out="$BUILD/demo-screens"
    rm -rf "$BUILD/demo-data" "$out"
    mkdir -p "$out"
    "$QEMU" "$BUILD/bangtin-mkdemo" media/demo "$BUILD/demo-src" &&
    "$QEMU" "$BUILD/bangtin-pack" "$BUILD/demo-src/manifest.in.json" \
        "$BUILD/demo-bundle" &&
    "$QEMU" "$BUILD/bangtin" --headless --size 1920x1080 \
        --content "$BUILD/demo-bundle" --data-dir "$BUILD/demo-data" \
        --clock 2026-03-14T06:59:50+07:00 --speed 0 --run-for 30 \
        --screenshot 5:"$out/demo-5s.png" &&
    [ -s "$out/demo-5s.png" ]
}

# The demo's explainer video, when libvlc has its plugins: the picture
# two seconds in must not be the title card or black.
demo_video() {
    out="$BUILD/demo-screens"
    rm -rf "$BUILD/demo-video-data"
    "$QEMU" "$BUILD/bangtin" --headless --size 1280x720 \
        --content "$BUILD/demo-bundle" --data-dir "$BUILD/demo-video-data" \
        --start-item video-cac-buoc --speed 1 --run-for 4 \
        --screenshot 3:"$out/demo-video.png" --log-level info &&
    grep -q "pictures decoded, [1-9][0-9]* shown" "$BUILD/demo_video.log"
}
if [ -z "$only" ]; then
    run_one headless_demo demo
    [ -s "$BUILD/demo-screens/demo-5s.png" ] &&
        echo "     screenshot: $BUILD/demo-screens/demo-5s.png"
    if [ -d "$vlc_plugins/codec" ]; then
        run_one demo_video demo_video
        [ -s "$BUILD/demo-screens/demo-video.png" ] &&
            echo "     screenshot: $BUILD/demo-screens/demo-video.png"
    else
        skipped=$((skipped + 1))
        echo "skip demo_video (no arm64 VLC plugins in $vlc_plugins)"
    fi
fi

took=$(( $(date +%s) - started ))
echo "arm64: $passed passed, $failed failed, $skipped skipped in $took s" \
    "${failures:+(failed:$failures)}"
[ $failed = 0 ]
