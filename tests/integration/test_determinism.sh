#!/bin/sh
# test_determinism.sh - the same inputs give byte-identical screenshots.
#
# The scenes bundle is played for 110 virtual seconds (every scene, a
# cross-fade caught half way) in two fresh data folders; then with the
# machine in another time zone; then at --speed 200 instead of 0. Every
# screenshot must equal the first run's byte for byte. A screenshot must
# not depend on which other screenshots were asked for either: a run
# asking for one picture only gets the same one.
. "$(dirname "$0")/lib.sh"

SIZE=1280x720
CLOCK=2026-03-12T10:00:00+07:00
TIMES="0 1 20.3 21 41 61 81 101"

src=$(fixture scenes)
"$PROBE" --make "$src/info.png" 1600 900 1565C0 2E7D32 || fail "cannot make info.png"
pack "$src" "$TMP/bundle" || finish

# run NAME [FLAG...]: plays into a fresh data folder, shots in $TMP/NAME/.
run()
{
    name=$1
    shift
    mkdir -p "$TMP/$name"
    shots=
    for t in $TIMES; do
        shots="$shots --screenshot $t:$TMP/$name/$t.png"
    done
    # shellcheck disable=SC2086
    play_ok "$TMP/data-$name" $SIZE $CLOCK 110 --content "$TMP/bundle" \
        --start-item countdown $shots "$@"
}

# same_as_first NAME WHAT: every shot of NAME equals the first run's.
same_as_first()
{
    for t in $TIMES; do
        CHECKS=$((CHECKS + 1))
        if ! cmp -s "$TMP/first/$t.png" "$TMP/$1/$t.png"; then
            fail "$2: the screenshot at $t s differs from the first run's" \
                "($(pixels_differ "$TMP/first/$t.png" "$TMP/$1/$t.png") pixels)"
        fi
    done
}

run first || finish
run second && same_as_first second "a second run"

# The pictures are different from each other (the runs show something).
check_differ "$TMP/first/1.png" "$TMP/first/21.png" 0 0 1280 720 \
    "the countdown and the infographic look the same"
check_differ "$TMP/first/20.3.png" "$TMP/first/21.png" 0 0 1280 720 \
    "no cross-fade half way at 20.3 s"

TZ=America/New_York run new-york && same_as_first new-york "the machine in New York"

run speed --speed 200 && same_as_first speed "at --speed 200"

# Asking for one screenshot gives the picture asked for with all of them.
for t in 41 81; do
    mkdir -p "$TMP/one-$t"
    play_ok "$TMP/data-one-$t" $SIZE $CLOCK $((t + 1)) --content "$TMP/bundle" \
        --start-item countdown --screenshot "$t:$TMP/one-$t/$t.png" || continue
    CHECKS=$((CHECKS + 1))
    cmp -s "$TMP/first/$t.png" "$TMP/one-$t/$t.png" ||
        fail "the screenshot at $t s depends on the other screenshots asked for"
done

# The same with a picture that fails to decode: the player must move on
# at the same virtual time whatever screenshots are asked for.
bsrc=$(fixture broken)
"$PROBE" --make "$bsrc/good.png" 64 64 1565C0 || fail "cannot make good.png"
head -c 100 "$bsrc/good.png" >"$bsrc/corrupt.png"
head -c 2000 /dev/zero >>"$bsrc/corrupt.png"
pack "$bsrc" "$TMP/broken" || finish
play_ok "$TMP/data-broken" $SIZE $CLOCK 5 --content "$TMP/broken" \
    --start-item corrupt --screenshot "4:$TMP/broken-alone.png" &&
    play_ok "$TMP/data-broken" $SIZE $CLOCK 5 --start-item corrupt \
        --screenshot "0.5:$TMP/broken-early.png" --screenshot "4:$TMP/broken-with.png" &&
    check_same "$TMP/broken-alone.png" "$TMP/broken-with.png" 0 0 1280 720 \
        "a broken picture: what shows at 4 s depends on a screenshot at 0.5 s"

finish
