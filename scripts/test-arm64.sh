#!/bin/sh
# test-arm64.sh - runs the arm64 build's unit tests under qemu user
# emulation, then plays the demo headless and keeps one screenshot.
# Usage: sh scripts/test-arm64.sh BUILD [MODULE] (from mk/cross.mk)
set -u

BUILD=$1
only=${2:-}
QEMU=${ARM64_QEMU:-qemu-aarch64-static}
export QEMU_LD_PREFIX=${QEMU_LD_PREFIX:-/usr/aarch64-linux-gnu}
export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}
export BANGTIN_BUILD="$BUILD"
passed=0
failed=0
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

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    [ -n "$only" ] && [ "$name" != "test_$only" ] && continue
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
if [ -z "$only" ]; then
    run_one headless_demo demo
    [ -s "$BUILD/demo-screens/demo-5s.png" ] &&
        echo "     screenshot: $BUILD/demo-screens/demo-5s.png"
fi

echo "arm64: $passed passed, $failed failed in $(( $(date +%s) - started )) s${failures:+ (failed:$failures)}"
[ $failed = 0 ]
