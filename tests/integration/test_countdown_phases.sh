#!/bin/sh
# test_countdown_phases.sh - every countdown phase at its boundary second.
#
# For each boundary t: one run starts at t-1 s and shoots at 0 s (t-1) and
# 1 s (t); another starts at t and shoots at 0 s. The t-1 picture has the
# old phase's wording and not the new one's, the t pictures the new
# phase's; the two t pictures (reached by ticking, or started there) are
# the same picture; and within a phase the numbers tick each second.
. "$(dirname "$0")/lib.sh"

SIZE=1920x1080
layout $SIZE

say_skips
src=$(fixture scenes)
"$PROBE" --make "$src/info.png" 160 90 1565C0 || fail "cannot make info.png"
pack "$src" "$TMP/bundle" || finish
data=$TMP/data
play_ok "$data" $SIZE 2026-03-12T10:00:00+07:00 1 --content "$TMP/bundle" || finish

# boundary NAME T_MINUS_1 T "OLD WORDS" "NEW WORDS" "GONE AT T": the
# words lists are separated by "|".
boundary()
{
    name=$1
    before=$TMP/$name-before.png
    at=$TMP/$name-at.png
    started=$TMP/$name-started.png
    play_ok "$data" $SIZE "$2" 2 --start-item countdown \
        --screenshot "0:$before" --screenshot "1:$at" || return
    play_ok "$data" $SIZE "$3" 1 --start-item countdown --screenshot "0:$started" ||
        return

    check_differ "$before" "$at" 0 "$BODY_Y" "$W" "$BODY_H" \
        "$name: the body did not change at the boundary second"
    check_same "$at" "$started" 0 0 "$W" "$H" \
        "$name: ticking into t and starting at t give different pictures"

    first_new=${5%%|*}
    old_ifs=$IFS
    IFS='|'
    # shellcheck disable=SC2086
    set -- $4 "$IFS" $5 "$IFS" $6
    IFS=$old_ifs
    part=old
    for word in "$@"; do
        if [ "$word" = "|" ]; then
            [ $part = old ] && part=new || part=gone
            continue
        fi
        case $part in
        old) check_ocr "$before" 0 "$BODY_Y" "$W" "$BODY_H" "$word" ;;
        new) check_ocr "$at" 0 "$BODY_Y" "$W" "$BODY_H" "$word" ;;
        gone)
            check_no_ocr "$at" 0 "$BODY_Y" "$W" "$BODY_H" "$word"
            check_ocr "$before" 0 "$BODY_Y" "$W" "$BODY_H" "$word"
            ;;
        esac
    done
    check_no_ocr "$before" 0 "$BODY_Y" "$W" "$BODY_H" "$first_new"
}

# Campaigning ends 24 hours before the polls open (the default).
boundary silence 2026-03-14T06:59:59+07:00 2026-03-14T07:00:00+07:00 \
    "đến ngày bầu cử" \
    "vận động bầu cử đã kết thúc|đến ngày bầu cử" \
    "Hội đồng"

# Election day begins at local midnight.
boundary morning 2026-03-14T23:59:59+07:00 2026-03-15T00:00:00+07:00 \
    "vận động bầu cử đã kết thúc" \
    "Hôm nay là ngày bầu cử|mở cửa lúc 07:00|07:00:00" \
    "vận động bầu cử đã kết thúc"

# The polls open at 07:00.
boundary voting 2026-03-15T06:59:59+07:00 2026-03-15T07:00:00+07:00 \
    "Hôm nay là ngày bầu cử|mở cửa lúc 07:00|00:00:01" \
    "Đang bỏ phiếu|đóng cửa lúc 19:00|12:00:00" \
    "Hôm nay là ngày bầu cử"

# The polls close at 19:00.
boundary closed 2026-03-15T18:59:59+07:00 2026-03-15T19:00:00+07:00 \
    "Đang bỏ phiếu|đóng cửa lúc 19:00|00:00:01" \
    "Việc bỏ phiếu đã kết thúc|Cảm ơn cử" \
    "Đang bỏ phiếu"

# Results show from their publication time.
boundary results 2026-03-20T09:59:59+07:00 2026-03-20T10:00:00+07:00 \
    "Việc bỏ phiếu đã kết thúc|Cảm ơn cử" \
    "Tỷ lệ cử tri đi bầu|98,72%|Trần Văn Minh|12.187" \
    "Cảm ơn cử"

# Within a phase the numbers change every second, and only the numbers'
# cards change: the wording above and below stays.
for clock in 2026-03-12T10:00:00+07:00 2026-03-15T06:00:00+07:00 \
    2026-03-15T12:00:00+07:00; do
    a=$TMP/tick-a.png
    b=$TMP/tick-b.png
    play_ok "$data" $SIZE $clock 3 --start-item countdown \
        --screenshot "1:$a" --screenshot "2:$b" || continue
    check_differ "$a" "$b" 0 "$BODY_Y" "$W" "$BODY_H" \
        "countdown at $clock: the numbers did not tick from 1 s to 2 s"
done

finish
