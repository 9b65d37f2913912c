#!/bin/sh
# run.sh - runs the unit test programs and the integration tests, and ends
# with "N passed, N failed". Usage: BUILD=build sh tests/run.sh [MODULE]
# VALGRIND=1 runs the unit tests under valgrind's memcheck.
set -u

BUILD=${BUILD:-build}
only=${1:-}
passed=0
failed=0
failures=""

export SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy}
export SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy}
export BANGTIN_BUILD="$BUILD"
# Sanitizer builds: system libraries' own leaks are not ours.
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

run_one() {
    name=$1
    shift
    start=$(date +%s)
    if "$@"; then
        passed=$((passed + 1))
        echo "ok   $name ($(( $(date +%s) - start )) s)"
    else
        failed=$((failed + 1))
        failures="$failures $name"
        echo "FAIL $name ($(( $(date +%s) - start )) s)"
    fi
}

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    name=$(basename "$t")
    [ -n "$only" ] && [ "$name" != "test_$only" ] && continue
    if [ "${VALGRIND:-0}" = 1 ]; then
        run_one "$name" valgrind -q --error-exitcode=99 --leak-check=full \
            --errors-for-leak-kinds=definite \
            --suppressions=tests/valgrind.supp "$t"
    else
        run_one "$name" "$t"
    fi
done

for t in tests/integration/test_*.sh; do
    [ -f "$t" ] || continue
    name=$(basename "$t" .sh)
    [ -n "$only" ] && [ "$name" != "test_$only" ] && continue
    [ "${VALGRIND:-0}" = 1 ] && continue
    run_one "$name" sh "$t"
done

echo
[ -n "$failures" ] && echo "failed:$failures"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
