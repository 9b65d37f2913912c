#!/bin/sh
# test_browse.sh - a voter's touch session on the demo content, driven
# through the real player with --events and checked by what it shows.
#
# Per screen size (1920x1080, 1280x720, 1080x1920): tap to wake the
# board, tap "Ứng cử viên", the second unit, its third candidate; swipe
# to the next profile, scroll the biography, tap back; then leave it
# alone: the last 10 s show the idle countdown, after the idle time the
# loop is back under its overlay. Where to tap is found in screenshots
# of the run so far (a replay is exact), never from fixed pixels. A
# 1920x1080 panel turned 90 degrees, tapped at panel points, must show
# the portrait panel's pictures pixel for pixel, and so must one turned
# 270 degrees. A double tap and a palm on the way must not skip screens.
# Then the keyboard alone.
# Last, privacy: two sessions that differ only in which candidate was
# read leave the same data directory and database.
# Rectangles "X Y W H" are split into words on purpose.
# shellcheck disable=SC2046
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/integration/browse_lib.sh
. "$(dirname "$0")/browse_lib.sh"

say_skips
[ "$have_tools" = yes ] || finish

need_demo

CLOCK=2026-12-10T10:00:00+07:00   # campaign under way, no urgent notice
IDLE_S=20
UNIT=1                            # the second unit (index in the manifest)
POS=2                             # its third candidate

FEEDBACK=$(json "$MANIFEST" "SELECT json_extract(j, '\$.links.feedback_url') FROM doc")
UNIT_NUMBER=$(json "$MANIFEST" "SELECT json_extract(j, '\$.units[$UNIT].number') FROM doc")
UNIT_NAME=$(json "$MANIFEST" "SELECT json_extract(j, '\$.units[$UNIT].name') FROM doc")
UNIT_COUNT=$(json "$MANIFEST" "SELECT json_array_length(j, '\$.units') FROM doc")
CAND_COUNT=$(json "$MANIFEST" \
    "SELECT json_array_length(j, '\$.units[$UNIT].candidates') FROM doc")

# cand_id P / cand_name ID / cand_bio ID: of the unit's candidate at
# official position P (from 0): its id, "Family Middle Given", biography.
cand_id()
{
    json "$MANIFEST" "SELECT json_extract(j, '\$.units[$UNIT].candidates[$1]') FROM doc"
}

cand_field()
{
    json "$MANIFEST" "SELECT json_extract(c.value, '\$.$2') FROM doc,
        json_each(j, '\$.candidates') AS c WHERE json_extract(c.value, '\$.id') = '$1'"
}

cand_name()
{
    _mid=$(cand_field "$1" middle_name)
    echo "$(cand_field "$1" family_name)${_mid:+ $_mid} $(cand_field "$1" given_name)"
}

# The demo imported once; every run starts from a fresh copy of it, so
# runs with the same events show the same pictures.
TEMPLATE=$TMP/template
play_ok "$TEMPLATE" 640x360 $CLOCK 0.1 --content "$DEMO" || finish

# run NAME SIZE ROTATION EVENTS RUN_FOR SHOT_TIME...: a session from the
# template; the screenshot at T is $TMP/NAME-T.png.
run()
{
    _name=$1 _size=$2 _rot=$3 _ev=$4 _for=$5
    shift 5
    rm -rf "$TMP/data-$_name"
    cp -R "$TEMPLATE" "$TMP/data-$_name"
    _shots=
    for _t in "$@"; do
        _shots="$_shots --screenshot $_t:$TMP/$_name-$_t.png"
    done
    # shellcheck disable=SC2086
    play_ok "$TMP/data-$_name" "$_size" $CLOCK "$_for" --rotation "$_rot" \
        --events "$_ev" --set idle_timeout_s=$IDLE_S $_shots
}

# content_cells FILE MODE COLOUR TOL: the blocks between the bars.
content_cells()
{
    bands "$1" || return 1
    _w=$("$PROBE" --size "$1")
    cells "$1" 0 "$BAR_H" "${_w% *}" $((FOOT_Y - BAR_H)) "$2" "$3" "$4"
}

# check_count WHAT EXPECTED GOT
check_count()
{
    CHECKS=$((CHECKS + 1))
    [ "$2" = "$3" ] || fail "$1: $3, expected $2"
}

# check_bar FILE WORDS...: the bar has its back button at the left, and
# its title, between its two buttons, reads WORDS. The buttons are found
# once per picture size (in $TMP/bar-WxH).
check_bar()
{
    _bf=$1
    shift
    bands "$_bf"
    _bsize=$("$PROBE" --size "$_bf" | tr ' ' x)
    [ -s "$TMP/bar-$_bsize" ] ||
        cells "$_bf" 0 0 "${_bsize%x*}" "$BAR_H" fg $RED_DARK 6 | head -n 2 >"$TMP/bar-$_bsize"
    set -- $(cat "$TMP/bar-$_bsize") "$@"
    check_share "$_bf" "$1" "$2" "$3" "$4" $RED_DARK 6 300 1000 "no back button"
    _bx=$(($1 + $3))
    _btw=$(($5 - _bx))
    shift 8
    check_read "$_bf" "$_bx" 0 "$_btw" "$BAR_H" "$@"
}

# check_loop FILE SIZE: the loop is back: red header and dark footer of
# the overlay with the corner QR, no back button in the header.
check_loop()
{
    layout "$2"
    check_loop_bands "$1" loop
    check_corner_qr "$1" "$2" "$FEEDBACK"
    check_read "$1" 0 0 $((W * 2 / 3)) "$HEADER_H" "Hoa Sen"
}

# check_countdown FILE SECONDS: the bottom bar is gold and says so.
check_countdown()
{
    bands "$1"
    set -- "$1" "$2" $("$PROBE" --size "$1")
    check_share "$1" 0 "$FOOT_Y" "$3" $(($4 - FOOT_Y)) $GOLD 6 500 1000 \
        "idle countdown: the bottom bar is not gold"
    check_read "$1" 0 "$FOOT_Y" "$3" $(($4 - FOOT_Y)) "sau $2 giây"
}

# check_no_countdown FILE: the bottom bar is dark, no countdown.
check_no_countdown()
{
    bands "$1"
    set -- "$1" $("$PROBE" --size "$1")
    check_share "$1" 0 "$FOOT_Y" "$2" $(($3 - FOOT_Y)) $INK 6 500 1000 \
        "before the last 10 s the bottom bar is not dark"
}

# check_profile FILE P: the profile of the candidate at position P: the
# bar says which of how many, the red type at the top her or his name.
check_profile()
{
    _pid=$(cand_id "$2")
    check_bar "$1" "$(($2 + 1))/$CAND_COUNT"
    _pw=$("$PROBE" --size "$1")
    _name_box=$(red_text "$1" 0 "$BAR_H" "${_pw% *}" $(((FOOT_Y - BAR_H) / 3)))
    CHECKS=$((CHECKS + 1))
    if [ -z "$_name_box" ]; then
        fail "$1: no name in red at the top of the profile"
        return 1
    fi
    check_read "$1" $_name_box "$(cand_name "$_pid")"
}

# Times of the session (virtual seconds).
T_WAKE=1 T_HOME=3 T_UNIT=5 T_CARD=7 T_SWIPE=9 T_SCROLL=11 T_BACK=13
T_WARN=$((T_BACK + IDLE_S - 5)).5        # 4.5 s left: shows 5
T_CALM=$((T_BACK + IDLE_S - 11))         # 11 s left: no countdown yet
T_LOOP=$((T_BACK + IDLE_S)).5
RUN_FOR=$((T_BACK + IDLE_S + 1))
SHOTS="2 4 6 8 10 12 14 $T_CALM $T_WARN $T_LOOP"

# locate SIZE: finds where to tap at SIZE (rotation 0), replaying the
# session screen by screen; writes $TMP/SIZE.ev, the whole session's
# events in canvas points, and sets BACK_XY.
locate()
{
    _s=$1
    _ev=$TMP/$_s.ev
    set -- $(echo "$_s" | tr x ' ')
    _W=$1 _H=$2
    echo "$T_WAKE tap $((_W / 2)) $((_H / 2))" >"$_ev"

    run "$_s-a" "$_s" 0 "$_ev" 2 2 || return 1
    _home=$TMP/$_s-a-2.png
    content_cells "$_home" bg $PAPER 2 >"$TMP/home-cells"
    check_count "$_s home: buttons" 5 "$(wc -l <"$TMP/home-cells")"
    _red=
    while read -r _c; do
        set -- $_c
        _share=$("$PROBE" --share "$_home" "$@" $RED 6)
        if [ "$_share" -gt 500 ]; then
            _red=$_c
            break
        fi
    done <"$TMP/home-cells"
    CHECKS=$((CHECKS + 1))
    [ -n "$_red" ] || {
        fail "$_s home: no button filled red (Ứng cử viên)"
        return 1
    }
    cells "$_home" 0 0 "$_W" "$BAR_H" fg $RED_DARK 6 | head -n 2 >"$TMP/bar-$_s"
    BACK_XY=$(centre "$(head -n 1 "$TMP/bar-$_s")")
    # A double tap: the second tap must not press what the next screen
    # has under the finger.
    echo "$T_HOME tap $(centre "$_red")" >>"$_ev"
    echo "$T_HOME.1 tap $(centre "$_red")" >>"$_ev"

    run "$_s-b" "$_s" 0 "$_ev" 4 4 || return 1
    content_cells "$TMP/$_s-b-4.png" bg $PAPER 2 >"$TMP/unit-cells"
    check_count "$_s units: rows" "$UNIT_COUNT" "$(wc -l <"$TMP/unit-cells")"
    _cell=$(sed -n "$((UNIT + 1))p" "$TMP/unit-cells")
    [ -n "$_cell" ] || return 1
    check_read "$TMP/$_s-b-4.png" $_cell "Đơn vị bầu cử số $UNIT_NUMBER" "$UNIT_NAME"
    echo "$T_UNIT tap $(centre "$_cell")" >>"$_ev"

    run "$_s-c" "$_s" 0 "$_ev" 6 6 || return 1
    content_cells "$TMP/$_s-c-6.png" bg $PAPER 2 >"$TMP/card-cells"
    check_count "$_s unit $UNIT_NUMBER: cards" "$CAND_COUNT" "$(wc -l <"$TMP/card-cells")"

    # On a 32-inch 1080p panel (0.369 mm a pixel) a target of 9 mm is
    # 25 pixels; the smallest one found is bigger.
    if [ "$_s" = 1920x1080 ]; then
        CHECKS=$((CHECKS + 1))
        _small=$(cat "$TMP/home-cells" "$TMP/unit-cells" "$TMP/card-cells" "$TMP/bar-$_s" |
            awk '{ m = $3 < $4 ? $3 : $4; if (!n++ || m < min) min = m } END { print min }')
        [ "$_small" -ge 25 ] || fail "$_s: a touch target only $_small pixels across (9 mm: 25)"
    fi
    _cell=$(sed -n "$((POS + 1))p" "$TMP/card-cells")
    [ -n "$_cell" ] || return 1
    echo "$T_CARD tap $(centre "$_cell")" >>"$_ev"
    # Then a palm: three more fingers at once, on the first and the last
    # cards' places (the profile's buttons may be there now).
    for _cell in "$(head -n 1 "$TMP/card-cells")" "$(tail -n 1 "$TMP/card-cells")" \
        "$(sed -n "$((POS + 2))p" "$TMP/card-cells")"; do
        echo "$T_CARD.05 tap $(centre "$_cell")" >>"$_ev"
    done

    # Swipe left across the page for the next profile, then up to read on.
    echo "$T_SWIPE swipe $((_W * 3 / 4)) $((_H / 2)) $((_W / 4)) $((_H / 2))" >>"$_ev"
    echo "$T_SCROLL swipe $((_W / 2)) $((_H * 3 / 4)) $((_W / 2)) $((_H / 3))" >>"$_ev"
    echo "$T_BACK tap $BACK_XY" >>"$_ev"
}

# session SIZE: the whole session at SIZE, checked step by step.
session()
{
    _s=$1
    locate "$_s" || {
        fail "$_s: could not find where to tap; the session is not checked"
        return 1
    }
    # shellcheck disable=SC2086
    run "$_s" "$_s" 0 "$TMP/$_s.ev" $RUN_FOR $SHOTS || return 1
    _p=$TMP/$_s

    check_bar "$_p-2.png" "Thông tin bầu cử"
    check_bar "$_p-4.png" "Các đơn vị bầu cử"
    check_bar "$_p-6.png" "Đơn vị bầu cử số $UNIT_NUMBER"
    check_profile "$_p-8.png" $POS
    check_profile "$_p-10.png" $((POS + 1))

    # Swiping up scrolls a page longer than the screen (it has a scroll
    # bar at the right), and leaves a shorter one as it is; either way
    # the end of the biography is in view now, under the same bar.
    bands "$_p-10.png"
    set -- $(echo "$_s" | tr x ' ')
    _pagh=$((FOOT_Y - BAR_H))
    if [ -n "$(cells "$_p-10.png" $(($1 * 9 / 10)) "$BAR_H" $(($1 / 10)) "$_pagh" \
        fg D9D3C7 2)" ]; then
        check_differ "$_p-10.png" "$_p-12.png" 0 "$BAR_H" "$1" "$_pagh" \
            "$_s: swiping up did not scroll the profile"
    else
        check_same "$_p-10.png" "$_p-12.png" 0 "$BAR_H" "$1" "$_pagh" \
            "$_s: swiping up moved a profile that fits the screen"
    fi
    check_bar "$_p-12.png" "$((POS + 2))/$CAND_COUNT"
    _bio=$(cand_field "$(cand_id $((POS + 1)))" biography | tr '\n' ' ' |
        awk '{ print $(NF - 2), $(NF - 1), $NF }')
    check_read "$_p-12.png" 0 $((BAR_H + _pagh / 3)) "$1" $((_pagh * 2 / 3)) "${_bio%.}"

    # Back: the unit's candidates, as before.
    check_same "$_p-6.png" "$_p-14.png" 0 "$BAR_H" "$1" $((FOOT_Y - BAR_H)) \
        "$_s: back from the profile is not the unit's list"

    check_no_countdown "$_p-$T_CALM.png"
    check_countdown "$_p-$T_WARN.png" 5
    check_loop "$_p-$T_LOOP.png" "$_s"
}

for size in 1920x1080 1280x720 1080x1920; do
    session $size
done

# A 1920x1080 panel turned 90 or 270 degrees shows the 1080x1920
# canvas; a finger at the panel point over a button must press it: the
# same session in panel points gives the portrait panel's pictures.
for rot in 90 270; do
    [ -f "$TMP/1080x1920.ev" ] || break
    while read -r t kind a b c d; do
        case $kind in
        tap) echo "$t tap $(to_panel $rot 1920 1080 "$a" "$b")" ;;
        swipe) echo "$t swipe $(to_panel $rot 1920 1080 "$a" "$b")" \
            "$(to_panel $rot 1920 1080 "$c" "$d")" ;;
        esac
    done <"$TMP/1080x1920.ev" >"$TMP/rotated-$rot.ev"
    # shellcheck disable=SC2086
    run rotated-$rot 1920x1080 $rot "$TMP/rotated-$rot.ev" $RUN_FOR $SHOTS || continue
    for t in $SHOTS; do
        check_same "$TMP/rotated-$rot-$t.png" "$TMP/1080x1920-$t.png" 0 0 1080 1920 \
            "panel turned $rot degrees, at ${t}s: not the portrait panel's picture"
    done
done

# The keyboard alone: the first key wakes the board, Enter shows the
# focus, then arrows, Enter and Back do what taps do.
cat >"$TMP/keys.ev" <<EOF
1 key enter
2 key enter
3 key enter
4 key down
5 key enter
6 key enter
7 key right
8 key pagedown
9 key back
10 key back
EOF
KEY_SHOTS="2.5 3.5 4.5 5.5 6.5 7.5 8.5 9.5 10.5 $((10 + IDLE_S)).5"
# shellcheck disable=SC2086
if run keys 1920x1080 0 "$TMP/keys.ev" $((11 + IDLE_S)) $KEY_SHOTS; then
    k=$TMP/keys
    content_cells "$k-2.5.png" bg $PAPER 2 >"$TMP/key-home"
    first=$(head -n 1 "$TMP/key-home")
    check_share "$k-2.5.png" $first $GOLD 6 20 300 "keys: no focus on the first button"
    check_bar "$k-3.5.png" "Các đơn vị bầu cử"
    content_cells "$k-4.5.png" bg $PAPER 2 >"$TMP/key-units"
    check_share "$k-4.5.png" $(sed -n 2p "$TMP/key-units") $GOLD 6 10 300 \
        "keys: Down did not move the focus to the second unit"
    check_share "$k-4.5.png" $(sed -n 1p "$TMP/key-units") $GOLD 6 0 2 \
        "keys: the focus stayed on the first unit too"
    check_bar "$k-5.5.png" "Đơn vị bầu cử số $UNIT_NUMBER"
    check_profile "$k-6.5.png" 0
    check_profile "$k-7.5.png" 1
    bands "$k-7.5.png"
    check_differ "$k-7.5.png" "$k-8.5.png" 0 "$BAR_H" 1920 $((FOOT_Y - BAR_H)) \
        "keys: Page Down did not scroll the profile"
    check_bar "$k-9.5.png" "Đơn vị bầu cử số $UNIT_NUMBER"
    check_bar "$k-10.5.png" "Các đơn vị bầu cử"
    check_loop "$k-$((10 + IDLE_S)).5.png" 1920x1080
fi

# Privacy: read one candidate, or another; afterwards the data folder
# and the database are the same (bar the import's wall-clock time), the
# database names the candidates read only in the loop's exposure totals,
# and the log names neither.

# dump DATA_DIR: the database as SQL and a checksum of every other file.
dump()
{
    sqlite3 "$1/bangtin.db" .dump |
        sed 's/^\(INSERT INTO bundles VALUES([0-9]*,[^,]*\),[0-9]*,/\1,TIME,/'
    (cd "$1" && find . -type f ! -name 'bangtin.db*' | sort | xargs sha256sum)
}

if [ -f "$TMP/1280x720.ev" ]; then
    # The same session, tapping the next card (the next candidate).
    next=$(centre "$(content_cells "$TMP/1280x720-c-6.png" bg $PAPER 2 |
        sed -n "$((POS + 2))p")")
    awk -v t=$T_CARD -v xy="$next" '$1 == t { $0 = t " tap " xy } { print }' \
        "$TMP/1280x720.ev" >"$TMP/other.ev"
    run other 1280x720 0 "$TMP/other.ev" $RUN_FOR 8 && cp "$TMP/play.log" "$TMP/other.log"
    check_profile "$TMP/other-8.png" $((POS + 1))
    run privacy 1280x720 0 "$TMP/1280x720.ev" $RUN_FOR 8
    check_profile "$TMP/privacy-8.png" $POS

    dump "$TMP/data-privacy" >"$TMP/privacy.dump"
    dump "$TMP/data-other" >"$TMP/other.dump"
    CHECKS=$((CHECKS + 1))
    if ! cmp -s "$TMP/privacy.dump" "$TMP/other.dump"; then
        fail "privacy: the data folder differs with the candidate read:"
        diff "$TMP/privacy.dump" "$TMP/other.dump" | head -n 10 | sed 's/^/    /'
    fi
    for pos in $POS $((POS + 1)) $((POS + 2)); do
        id=$(cand_id $pos)
        name=$(cand_name "$id")
        for log in "$TMP/play.log" "$TMP/other.log"; do
            CHECKS=$((CHECKS + 1))
            if grep -qF -e "$id" -e "$name" "$log"; then
                fail "privacy: $log names $id ($name)"
            fi
        done
        CHECKS=$((CHECKS + 1))
        n=$(grep -F "'$id'" "$TMP/privacy.dump" | grep -vc "^INSERT INTO exposure VALUES('$id',")
        [ "$n" = 0 ] || fail "privacy: the database names $id outside the exposure totals"
    done
fi

finish
