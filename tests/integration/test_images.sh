#!/bin/sh
# test_images.sh - pictures the player must survive: 1x1 px, 10000x800 px
# (panned end to end, also over the texture limit), 800x10000 px, JPEG and
# WebP, a corrupt PNG, a text file called .png, and a missing file.
#
# Each run must exit 0 and no screenshot may be black; good pictures show
# their colours where expected; a broken one gives way to the next item
# within its slot; a picture lost from the store leaves the rest playing.
. "$(dirname "$0")/lib.sh"

DAY=2026-03-12T10:00:00+07:00
BLUE=1565C0
ORANGE=F57C00
GREEN=2E7D32
RED=B71C1C
INK=1A1A1A

src=$(fixture images)
"$PROBE" --make "$src/tiny.png" 1 1 $GREEN &&
    "$PROBE" --make "$src/wide.png" 10000 800 $BLUE $ORANGE &&
    "$PROBE" --make "$src/tall.png" 800 10000 $BLUE $ORANGE &&
    "$PROBE" --make "$src/photo.png" 640 360 $BLUE || fail "cannot make the pictures"
# A PNG cut short and filled with noise, and text under a .png name.
head -c 300 "$src/wide.png" >"$src/corrupt.png"
head -c 4000 /dev/urandom >>"$src/corrupt.png"
echo "Đây không phải là hình ảnh" >"$src/not-an-image.png"
if command -v ffmpeg >/dev/null 2>&1; then
    ffmpeg -loglevel error -y -i "$src/photo.png" "$src/photo.jpg" &&
        ffmpeg -loglevel error -y -i "$src/photo.png" "$src/photo.webp" ||
        fail "ffmpeg cannot make photo.jpg and photo.webp"
    have_ffmpeg=yes
else
    echo "SKIP: JPEG and WebP checks: ffmpeg is not installed"
    cp "$src/photo.png" "$src/photo.jpg"
    cp "$src/photo.png" "$src/photo.webp"
    have_ffmpeg=no
fi
pack "$src" "$TMP/bundle" || finish
data=$TMP/data

# The centre of the body: a rectangle a quarter of its size.
centre()
{
    layout "$1"
    CX=$((W * 3 / 8))
    CY=$((BODY_Y + BODY_H * 3 / 8))
    CW=$((W / 4))
    CH=$((BODY_H / 4))
}

# 1x1 px: scaled up, green in the middle, overlay intact.
f=$TMP/tiny.png
if play_ok "$data" 1920x1080 $DAY 2 --content "$TMP/bundle" --start-item tiny \
    --screenshot "1:$f"; then
    centre 1920x1080
    check_not_black "$f"
    check_share "$f" "$CX" "$CY" "$CW" "$CH" $GREEN 2 950 1000 "1x1 px: not shown"
    check_share "$f" 0 0 "$W" $((HEADER_H * 3 / 4)) $RED 6 750 1000 "1x1 px: no header"
fi

# 10000x800 px: fills the body's height at once, starting at its left
# (blue) end; the same over a 2048 px texture limit.
for limit in 0 2048; do
    f=$TMP/wide-$limit.png
    play_ok "$data" 1920x1080 $DAY 2 --start-item wide --set max_texture_px=$limit \
        --screenshot "1:$f" || continue
    layout 1920x1080
    check_not_black "$f"
    check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" $BLUE 4 800 1000 \
        "10000x800 px (texture limit $limit): the body is not filled by its left end"
done

# ... and pans to its right (orange) end within its 240 s slot, over the
# texture limit (a small panel keeps this run short).
shots=
for s in 1 41 81 121 161 181 201 206 211 221 231; do
    shots="$shots --screenshot $s:$TMP/pan-$s.png"
done
# shellcheck disable=SC2086
if play_ok "$data" 640x360 $DAY 232 --start-item wide --set max_texture_px=2048 $shots; then
    layout 640x360
    check_share "$TMP/pan-1.png" 0 "$BODY_Y" "$W" "$BODY_H" $BLUE 4 850 1000 \
        "10000x800 px pan: does not start at the left end"
    right_end=no
    for s in 41 81 121 161 181 201 206 211 221 231; do
        check_not_black "$TMP/pan-$s.png"
        got=$("$PROBE" --share "$TMP/pan-$s.png" 0 "$BODY_Y" "$W" "$BODY_H" $ORANGE 4)
        [ "$got" -ge 850 ] && right_end=yes
    done
    CHECKS=$((CHECKS + 1))
    [ $right_end = yes ] ||
        fail "10000x800 px pan: the right end never filled the body within 231 s"
    check_differ "$TMP/pan-81.png" "$TMP/pan-161.png" 0 "$BODY_Y" "$W" "$BODY_H" \
        "10000x800 px pan: the picture did not move between 81 s and 161 s"
fi

# 800x10000 px: its top (blue) end, full width of the picture.
f=$TMP/tall.png
if play_ok "$data" 1920x1080 $DAY 2 --start-item tall --screenshot "1:$f"; then
    centre 1920x1080
    check_not_black "$f"
    check_share "$f" $((W / 2 - 100)) "$BODY_Y" 200 "$BODY_H" $BLUE 4 900 1000 \
        "800x10000 px: the top end is not shown down the middle"
fi

# JPEG and WebP decode (lossy: a looser tolerance).
if [ $have_ffmpeg = yes ]; then
    for item in jpeg webp; do
        f=$TMP/$item.png
        play_ok "$data" 1280x720 $DAY 2 --start-item $item --screenshot "1:$f" || continue
        centre 1280x720
        check_share "$f" "$CX" "$CY" "$CW" "$CH" $BLUE 12 950 1000 "$item: not shown"
    done
fi

# broken ITEM NEXT: a picture that cannot be decoded; the item after it
# (a blue picture) shows within the broken one's 10 s slot.
broken()
{
    shots=
    for s in 1 3 5 7 9 11; do
        shots="$shots --screenshot $s:$TMP/$1-$s.png"
    done
    # shellcheck disable=SC2086
    play_ok "$data" 1280x720 $DAY 12 --start-item "$1" $shots || return
    check_log "E image|W image" "$1: nothing logged about the broken picture"
    centre 1280x720
    next=no
    for s in 1 3 5 7 9 11; do
        check_not_black "$TMP/$1-$s.png"
        check_share "$TMP/$1-$s.png" 0 0 "$W" $((HEADER_H * 3 / 4)) $RED 6 750 1000 \
            "$1: no header at $s s"
        got=$("$PROBE" --share "$TMP/$1-$s.png" "$CX" "$CY" "$CW" "$CH" $BLUE 12)
        [ "$got" -ge 950 ] && next=yes
    done
    CHECKS=$((CHECKS + 1))
    [ $next = yes ] || fail "$1: the next item ($2) never showed within 11 s"
}
broken corrupt jpeg
broken not-an-image webp

# A missing file in a bundle given to an empty player: refused, and the
# waiting screen shows.
msrc=$(fixture missing)
"$PROBE" --make "$msrc/lost.png" 640 360 $BLUE || fail "cannot make lost.png"
pack "$msrc" "$TMP/missing" || finish
cp -r "$TMP/missing" "$TMP/missing-gone"
rm "$TMP/missing-gone"/media/*
f=$TMP/missing-refused.png
if play_ok "$TMP/data-refused" 1280x720 $DAY 2 --content "$TMP/missing-gone" \
    --screenshot "1:$f"; then
    check_log "refused" "bundle with a missing file: not refused"
    check_not_black "$f"
    layout 1280x720
    check_share "$f" 0 0 "$W" "$H" $RED 6 850 1000 \
        "bundle with a missing file, nothing before it: not the waiting screen"
fi

# A picture lost from the store after import: the rest keeps playing (the
# countdown after it, under the overlay), not the waiting screen.
store=$TMP/data-lost
play_ok "$store" 1280x720 $DAY 1 --content "$TMP/missing" || finish
rm -f "$store"/media/*
f=$TMP/lost.png
if play_ok "$store" 1280x720 $DAY 12 --start-item lost --screenshot "11:$f"; then
    check_not_black "$f"
    layout 1280x720
    check_share "$f" 0 "$FOOTER_Y" "$QR_X" "$FOOTER_H" $INK 6 600 1000 \
        "a picture lost from the store: the content stopped (no overlay footer)"
    check_share "$f" 0 "$BODY_Y" "$W" "$BODY_H" FAF7F0 6 500 1000 \
        "a picture lost from the store: the countdown after it does not show"
fi

finish
