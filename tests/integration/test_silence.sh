#!/bin/sh
# test_silence.sh - campaign silence on the device's own reckoning: a
# campaign-class poster shows until the campaign ends (24 hours before
# the polls open, as the player derives it) and from the polls' close,
# never in between, to the second; official items and the candidate
# list stay; touch browsing offers no campaign video meanwhile. The
# fixture tests/data/integration/silence.in.json: a green campaign
# poster, an official notice, the unit's candidate list, a campaign clip.
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/integration/browse_lib.sh
. "$(dirname "$0")/browse_lib.sh"

GREEN=2E7D32
# Polls 07:00-19:00 on 15 March: campaigning ends 14 March 07:00.
CAMPAIGN_END=2026-03-14T07:00:00+07:00
POLLS_CLOSE=2026-03-15T19:00:00+07:00
SIZE=1280x720

say_skips
[ "$have_tools" = yes ] || finish

src=$(fixture silence)
"$PROBE" --make "$src/poster.png" 1600 900 $GREEN || fail "cannot make poster.png"
ffmpeg -v error -nostdin -f lavfi -i "color=c=0x$GREEN:s=320x180:d=2:r=10" \
    -pix_fmt yuv420p -c:v mpeg4 "$src/clip.mp4" || fail "cannot make clip.mp4"
pack "$src" "$TMP/bundle" || finish
data=$TMP/data
play_ok "$data" $SIZE $CAMPAIGN_END 0.1 --content "$TMP/bundle" || finish
layout $SIZE

# poster_share FILE: per mille of the body that is the poster's green.
poster_share()
{
    "$PROBE" --share "$1" 0 "$BODY_Y" "$W" "$BODY_H" $GREEN 8
}

# check_poster FILE WHEN: the poster fills the body.
check_poster()
{
    check_share "$1" 0 "$BODY_Y" "$W" "$BODY_H" $GREEN 8 500 1000 \
        "$2: the campaign poster is not shown"
}

# check_no_poster FILE WHEN: not a pixel of the poster, not even fading.
check_no_poster()
{
    check_share "$1" 0 "$BODY_Y" "$W" "$BODY_H" $GREEN 40 0 0 \
        "$2: the campaign poster is shown during the silence"
}

# shot CLOCK ITEM AT NAME: a run from CLOCK starting with ITEM; the
# screenshot AT seconds in is $TMP/NAME.png.
shot()
{
    play_ok "$data" $SIZE "$1" "$3" --start-item "$2" --screenshot "$3:$TMP/$4.png"
}

# The poster starts 2 s before the campaign ends: on screen 1 s and
# 1 ms before, gone at the very second (no fade out into the silence).
if play_ok "$data" $SIZE 2026-03-14T06:59:58+07:00 3 --start-item poster \
    --screenshot "1:$TMP/end-1s.png" --screenshot "1.999:$TMP/end-1ms.png" \
    --screenshot "2:$TMP/end.png" --screenshot "2.3:$TMP/end+300ms.png" \
    --screenshot "3:$TMP/end+1s.png"; then
    check_poster "$TMP/end-1s.png" "1 s before the campaign ends"
    check_poster "$TMP/end-1ms.png" "1 ms before the campaign ends"
    check_no_poster "$TMP/end.png" "at the campaign's end"
    check_no_poster "$TMP/end+300ms.png" "0.3 s after the campaign's end"
    check_no_poster "$TMP/end+1s.png" "1 s after the campaign's end"
    check_ocr "$TMP/end+1s.png" 0 "$BODY_Y" "$W" "$BODY_H" "Địa điểm bỏ phiếu"
fi

# Asked for by --start-item, the poster starts only outside the silence.
shot 2026-03-14T06:59:59+07:00 poster 0.5 start-end-1s
check_poster "$TMP/start-end-1s.png" "starting 1 s before the campaign ends"
shot $CAMPAIGN_END poster 0.5 start-end
check_no_poster "$TMP/start-end.png" "starting at the campaign's end"
shot 2026-03-15T18:59:59+07:00 poster 0.5 start-close-1s
check_no_poster "$TMP/start-close-1s.png" "starting 1 s before the polls close"
shot $POLLS_CLOSE poster 0.5 start-close
check_poster "$TMP/start-close.png" "starting as the polls close"

# A whole cycle on election morning: the notice and the candidate list
# take turns, the poster never comes; the list names both candidates.
if play_ok "$data" $SIZE 2026-03-15T09:00:00+07:00 95 --start-item notice \
    --screenshot "10:$TMP/day-10.png" --screenshot "30:$TMP/day-30.png" \
    --screenshot "50:$TMP/day-50.png" --screenshot "70:$TMP/day-70.png" \
    --screenshot "90:$TMP/day-90.png"; then
    for t in 10 30 50 70 90; do
        check_no_poster "$TMP/day-$t.png" "election day, ${t}s into the loop"
    done
    check_ocr "$TMP/day-30.png" 0 "$BODY_Y" "$W" "$BODY_H" "Trần Văn Minh" "Lê Thị Lan"
    check_ocr "$TMP/day-50.png" 0 "$BODY_Y" "$W" "$BODY_H" "Địa điểm bỏ phiếu"
fi

# Browsing: the Videos screen lists the campaign clip before the
# silence, and no video at all during it.
layout $SIZE
echo "1 tap $((W / 2)) $((H / 2))" >"$TMP/wake.ev"
if play_ok "$data" $SIZE 2026-03-12T09:00:00+07:00 2 --events "$TMP/wake.ev" \
    --screenshot "2:$TMP/home.png"; then
    bands "$TMP/home.png"
    videos=$(cells "$TMP/home.png" 0 "$BAR_H" "$W" $((FOOT_Y - BAR_H)) bg $PAPER 2 | sed -n 4p)
    CHECKS=$((CHECKS + 1))
    if [ -z "$videos" ]; then
        fail "home: no fourth button (Video)"
    else
        check_ocr "$TMP/home.png" $videos "Video"
        { cat "$TMP/wake.ev"; echo "3 tap $(centre "$videos")"; } >"$TMP/videos.ev"
        for day in 2026-03-12T09:00:00 2026-03-15T09:00:00; do
            play_ok "$data" $SIZE $day+07:00 4 --events "$TMP/videos.ev" \
                --screenshot "4:$TMP/videos-${day%%T*}.png"
        done
        f=$TMP/videos-2026-03-12.png
        check_ocr "$f" 0 0 "$W" "$BAR_H" "Video"
        check_ocr "$f" 0 "$BAR_H" "$W" $((FOOT_Y - BAR_H)) "Video vận động"
        f=$TMP/videos-2026-03-15.png
        check_ocr "$f" 0 "$BAR_H" "$W" $((FOOT_Y - BAR_H)) "Chưa có video"
        check_no_ocr "$f" 0 "$BAR_H" "$W" $((FOOT_Y - BAR_H)) "vận động"
    fi
fi

finish
