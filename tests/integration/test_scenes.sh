#!/bin/sh
# test_scenes.sh - screenshots of every scene at 1920x1080, 1280x720 and
# 1080x1920 (and rotated 90 degrees), checked by what a voter would see.
#
# Per picture: the header is the red band (#B71C1C), the body off-white
# paper (#FAF7F0) where the scene leaves it bare, the footer dark, the
# corner QR reads the feedback address. Per scene: the countdown's red
# cards and wording, the infographic's two halves where "contain" puts
# them, the notice's and the timeline's words, the QR card's two codes,
# the urgent notice's red band, the fallback screen with no content.
. "$(dirname "$0")/lib.sh"

FEEDBACK=https://senvang.example.vn/gop-y
ZALO=https://zalo.me/1234567890
RED=B71C1C
PAPER=FAF7F0
INK=1A1A1A
GOLD=F2C230
BLUE=1565C0
GREEN=2E7D32
DAY=2026-03-12T10:00:00+07:00     # campaign under way, no urgent notice
URGENT_DAY=2026-03-13T10:00:00+07:00  # the urgent notice is active

say_skips

src=$(fixture scenes)
"$PROBE" --make "$src/info.png" 1600 900 "$BLUE" "$GREEN" || fail "cannot make info.png"
pack "$src" "$TMP/bundle" || finish
data=$TMP/data

# check_frame FILE SIZE [URL]: the parts every scene shares: the size,
# the red header, the corner QR (the feedback address).
check_frame()
{
    layout "$2"
    check_size "$1" "$2"
    check_share "$1" 0 0 "$W" $((HEADER_H * 3 / 4)) $RED "${HEADER_TOL:-6}" 750 1000 \
        "header band is not red"
    check_corner_qr "$1" "$2" "${3:-$FEEDBACK}"
}

check_dark_footer()
{
    layout "$2"
    check_share "$1" 0 "$FOOTER_Y" "$QR_X" "$FOOTER_H" $INK 6 600 1000 "footer is not dark"
}

# shot SIZE ITEM CLOCK [FLAG...]: screenshot of ITEM one second in, in
# $f (empty when the run failed).
shot()
{
    size=$1
    item=$2
    clock=$3
    shift 3
    f=$TMP/$item-$size-${clock%%T*}.png
    play_ok "$data" "$size" "$clock" 2 --start-item "$item" \
        --screenshot "1:$f" "$@" || f=
}

first=yes
for size in 1920x1080 1280x720 1080x1920; do
    # Import with the first run only: later ones play the stored copy.
    import=
    [ $first = yes ] && import="--content $TMP/bundle"
    first=no

    # Countdown: red cards on paper, the election's name and wording.
    shot $size countdown $DAY $import
    if [ -n "$f" ]; then
        check_frame "$f" $size
        check_dark_footer "$f" $size
        check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" $PAPER 6 600 950 \
            "countdown: body is not mostly paper"
        check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" $RED 6 80 400 \
            "countdown: no red number cards"
        check_ocr "$f" 0 0 "$W" "$HEADER_H" "Ủy ban bầu cử phường Sen Vàng"
        check_ocr "$f" 0 "$BODY_Y" "$W" "$BODY_H" "Hội đồng" "đến ngày bầu cử" \
            "15/03/2026"
    fi

    # Infographic, contained: blue left half, green right half.
    shot $size infographic $DAY
    if [ -n "$f" ]; then
        check_frame "$f" $size
        cy=$((BODY_Y + BODY_H / 2))
        check_share "$f" $((W / 8)) $((cy - BODY_H / 8)) $((W / 4)) $((BODY_H / 4)) \
            $BLUE 4 950 1000 "infographic: left half is not blue"
        check_share "$f" $((W * 5 / 8)) $((cy - BODY_H / 8)) $((W / 4)) $((BODY_H / 4)) \
            $GREEN 4 950 1000 "infographic: right half is not green"
        check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" $PAPER 6 50 800 \
            "infographic: no paper margin around the contained picture"
    fi

    # Notice: words on bare paper.
    shot $size notice $DAY
    if [ -n "$f" ]; then
        check_frame "$f" $size
        check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" $PAPER 6 850 1000 \
            "notice: body is not mostly paper"
        check_ocr "$f" 0 "$BODY_Y" "$W" "$BODY_H" "Địa điểm bỏ phiếu" "nhà văn hóa"
    fi

    # Timeline: the milestones, one highlighted in gold.
    shot $size timeline $DAY
    if [ -n "$f" ]; then
        check_frame "$f" $size
        check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" $GOLD 6 20 400 \
            "timeline: no highlighted (gold) milestone"
        check_ocr "$f" 0 "$BODY_Y" "$W" "$BODY_H" "mốc thời gian" "Ngừng vận động" \
            "Công bố kết quả"
    fi

    # QR card: both codes decode; addresses readable beside them.
    shot $size qr $DAY
    if [ -n "$f" ]; then
        check_frame "$f" $size
        check_qr "$f" "$FEEDBACK" "$ZALO"
        check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" FFFFFF 0 200 900 \
            "qr: no white cards"
        check_ocr "$f" 0 "$BODY_Y" "$W" "$BODY_H" "senvang.example.vn/gop-y" \
            "zalo.me/1234567890" "Phường Sen Vàng"
    fi

    # Urgent notice: preempts the countdown at once, under a red band.
    shot $size countdown $URGENT_DAY
    if [ -n "$f" ]; then
        check_frame "$f" $size
        check_share "$f" 0 $((BODY_Y + BODY_H / 40)) "$W" $((BODY_H / 20)) $RED 6 700 1000 \
            "urgent: no red band under the header"
        check_ocr "$f" 0 "$BODY_Y" "$W" "$BODY_H" "THÔNG BÁO KHẨN" \
            "Đổi địa điểm bỏ phiếu" "hội trường"
        check_no_ocr "$f" 0 "$BODY_Y" "$W" "$BODY_H" "đến ngày bầu cử"
    fi

    # No content at all: the fallback screen, all red, with the name.
    out=$TMP/fallback-$size.png
    if play_ok "$TMP/empty-$size" $size $DAY 2 --screenshot "1:$out" \
        --set "commission=Ủy ban bầu cử phường Sen Vàng"; then
        check_size "$out" $size
        check_share "$out" 0 0 "$W" "$H" $RED 6 850 1000 \
            "fallback: not the red waiting screen"
        check_ocr "$out" 0 0 "$W" "$H" "phường Sen Vàng" "Nội dung đang được cập nhật"
        check_not_black "$out"
    fi
done

# The timeline's highlight follows the clock: on election day at 10:00
# the current milestone (voting) is lower down than on 12 March's.
layout 1920x1080
shot 1920x1080 timeline 2026-03-15T10:00:00+07:00
if [ -n "$f" ]; then
    CHECKS=$((CHECKS + 1))
    early=$("$PROBE" --find-row "$TMP/timeline-1920x1080-${DAY%%T*}.png" 0 "$BODY_Y" "$W" \
        "$BODY_H" $GOLD 6 500)
    later=$("$PROBE" --find-row "$f" 0 "$BODY_Y" "$W" "$BODY_H" $GOLD 6 500)
    if [ "$early" -lt 0 ] || [ "$later" -le "$early" ]; then
        fail "timeline: the highlight did not move down from 12 March (row $early)" \
            "to election day (row $later)"
    fi
    check_ocr "$f" 0 "$later" "$W" $((BODY_H / 8)) "Bỏ phiếu"
fi

# A 1920x1080 panel turned 90 degrees draws the 1080x1920 canvas: the
# same picture as a portrait panel, and its codes still decode.
for item in countdown qr; do
    out=$TMP/rotated-$item.png
    play_ok "$data" 1920x1080 $DAY 2 --rotation 90 --start-item $item \
        --screenshot "1:$out" || continue
    check_size "$out" 1080x1920
    check_same "$out" "$TMP/$item-1080x1920-${DAY%%T*}.png" 0 0 1080 1920 \
        "rotated panel: canvas differs from the portrait panel's"
    check_corner_qr "$out" 1080x1920 "$FEEDBACK"
done
check_qr "$TMP/rotated-qr.png" "$FEEDBACK" "$ZALO"

# The demo content (make demo-content): every playlist item starts,
# under the overlay, with the demo's feedback address in the corner.
demo=$BUILD/demo-bundle
if [ ! -f "$demo/manifest.json" ]; then
    echo "SKIP: demo content checks: $demo is missing (make demo-content)"
else
    demo_feedback=$(sed -n 's/^.*"feedback_url":[[:space:]]*"\([^"]*\)".*$/\1/p' \
        "$demo/manifest.json" | head -n 1)
    # Playlist items are the objects whose "id" is followed by a "type".
    awk '/^\t\t\t"id":/ { id = $2 } /^\t\t\t"type":/ { print id, $2 }' \
        "$demo/manifest.json" | tr -d '",' >"$TMP/demo-items"
    CHECKS=$((CHECKS + 1))
    [ -s "$TMP/demo-items" ] || fail "no playlist items found in $demo/manifest.json"
    import="--content $demo"
    while read -r item type; do
        out=$TMP/demo-$item.png
        # shellcheck disable=SC2086
        play_ok "$TMP/demo-data" 1920x1080 2026-12-10T10:00:00+07:00 3 $import \
            --start-item "$item" --screenshot "2:$out" </dev/null || continue
        import=
        check_not_black "$out"
        # Over a video the bands are see-through: red, darkened by the picture.
        tol=6
        [ "$type" = video ] && tol=48
        HEADER_TOL=$tol check_frame "$out" 1920x1080 "$demo_feedback"
    done <"$TMP/demo-items"
fi

finish
