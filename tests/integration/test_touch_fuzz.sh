#!/bin/sh
# test_touch_fuzz.sh - 10,000 random taps, swipes and keys in one run of
# the player on the demo content, over 2000 virtual seconds, several at
# the same instant at times (double taps, more fingers, a palm), some off
# the panel. The player must keep running (exit 0), be back in the loop
# after the idle time, and still answer: a tap opens the home screen,
# and 70 s after that last tap the loop is back.
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/integration/browse_lib.sh
. "$(dirname "$0")/browse_lib.sh"

say_skips
[ "$have_tools" = yes ] || finish

need_demo

SIZE=640x360
EVENTS=10000
SPAN_S=2000
SEED=20261220
layout $SIZE

# Times on a half-second grid, so that about one in five events shares
# its instant with others; a tenth of the points lie off the panel.
awk -v seed=$SEED -v n=$EVENTS -v span=$SPAN_S -v w="$W" -v h="$H" '
function coord(max) {
    if (rand() < 0.1)
        return int(rand() * 3 * max) - max
    return int(rand() * max)
}
BEGIN {
    srand(seed)
    split("left right up down enter back pageup pagedown", keys, " ")
    for (i = 0; i < n; i++) {
        t = int(rand() * span * 2) / 2
        r = rand()
        if (r < 0.45)
            printf "%.1f tap %d %d\n", t, coord(w), coord(h)
        else if (r < 0.7)
            printf "%.1f swipe %d %d %d %d\n", t, coord(w), coord(h), coord(w), coord(h)
        else
            printf "%.1f key %s\n", t, keys[1 + int(rand() * 8)]
    }
}' >"$TMP/fuzz.ev"

# After the storm: 100 s of calm (a clip started at the end plays up to
# 10 s, then 60 s idle), then one tap.
WAKE=$((SPAN_S + 100))
echo "$WAKE tap $((W / 2)) $((H / 2))" >>"$TMP/fuzz.ev"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$TMP/fuzz.ev")" = $((EVENTS + 1)) ] || fail "the events file is not $EVENTS lines"

if play_ok "$TMP/data" $SIZE 2026-12-10T10:00:00+07:00 $((WAKE + 71)) \
    --content "$DEMO" --events "$TMP/fuzz.ev" \
    --screenshot "$((WAKE - 1)):$TMP/calm.png" \
    --screenshot "$((WAKE + 1)):$TMP/woken.png" \
    --screenshot "$((WAKE + 70)):$TMP/after.png"; then
    check_log "stopping after [0-9]+ frames" "the player did not stop normally"
    for f in calm after; do
        check_loop_bands "$TMP/$f.png" "$f"
    done
    # The home screen: the back button in the red bar, paper under it.
    bands "$TMP/woken.png" || fail "woken: no browsing bars"
    check_share "$TMP/woken.png" 0 0 "$W" "$BAR_H" $RED_DARK 6 100 600 \
        "woken: a tap did not open the home screen"
    CHECKS=$((CHECKS + 1))
    n=$(cells "$TMP/woken.png" 0 "$BAR_H" "$W" $((FOOT_Y - BAR_H)) bg $PAPER 2 | wc -l)
    [ "$n" = 5 ] || fail "woken: $n buttons on the home screen, expected 5"
    CHECKS=$((CHECKS + 1))
    sessions=$(grep -c "browse: session opened" "$TMP/play.log")
    [ "$sessions" -ge 2 ] || fail "only $sessions browsing sessions in the whole run"
    note "$sessions sessions; $(grep -c 'idle for' "$TMP/play.log") ended by the idle timer"
fi

finish
