#!/bin/sh
# test_exposure.sh - fair exposure through the real player: the demo
# content plays three virtual hours from a fresh data folder; then, in
# the player's database, every candidate of a unit has the same screen
# time within one profile's share of a cycle, and each candidate item's
# stored rotation moved on by one per cycle played. On screen, the
# profiles item starts with the next candidate each time it comes back.
. "$(dirname "$0")/lib.sh"
# shellcheck source=tests/integration/browse_lib.sh
. "$(dirname "$0")/browse_lib.sh"

say_skips
[ "$have_tools" = yes ] || finish

need_demo

HOURS=3
# A weekday from 10:00: the night-only and weekend-only items stay out.
CLOCK=2026-12-10T10:00:00+07:00
data=$TMP/data

# The totals reach the database at slot changes and at exit.
play_ok "$data" 640x360 $CLOCK $((HOURS * 3600)) --content "$DEMO" --log-level debug ||
    finish
DB=$data/bangtin.db
sqlite3 "$DB" "SELECT candidate_id, ms FROM exposure ORDER BY candidate_id" >"$TMP/totals"

# Per unit: its candidates, its profiles item and that item's duration.
json "$MANIFEST" "SELECT json_extract(u.value, '\$.id'), c.value
    FROM doc, json_each(j, '\$.units') AS u,
    json_each(u.value, '\$.candidates') AS c" | tr '|' ' ' >"$TMP/members"
json "$MANIFEST" "SELECT json_extract(value, '\$.unit'), json_extract(value, '\$.type'),
    json_extract(value, '\$.id'), json_extract(value, '\$.duration_s')
    FROM doc, json_each(j, '\$.playlist')
    WHERE json_extract(value, '\$.type') IN ('candidates', 'profiles')" |
    tr '|' ' ' >"$TMP/items"

CHECKS=$((CHECKS + 1))
[ -s "$TMP/members" ] && [ -s "$TMP/items" ] || fail "no units or candidate items in $MANIFEST"

for unit in $(cut -d' ' -f1 "$TMP/members" | uniq); do
    n=$(grep -c "^$unit " "$TMP/members")
    profiles_s=$(awk -v u="$unit" '$1 == u && $2 == "profiles" { print $4 }' "$TMP/items")
    # One profile's share of a cycle, rounded up.
    slot_ms=$(((profiles_s * 1000 + n - 1) / n))

    # Every candidate has a total; the spread is at most one share.
    grep "^$unit " "$TMP/members" | while read -r _u id; do
        grep "^$id|" "$TMP/totals" || echo "$id|0"
    done | cut -d'|' -f2 | sort -n >"$TMP/unit-totals"
    CHECKS=$((CHECKS + 1))
    lo=$(head -n 1 "$TMP/unit-totals")
    hi=$(tail -n 1 "$TMP/unit-totals")
    if [ "$lo" -le 0 ]; then
        fail "exposure: a candidate of $unit was never on screen in $HOURS hours"
    elif [ $((hi - lo)) -gt "$slot_ms" ]; then
        fail "exposure: $unit's totals range from $lo to $hi ms, more than one" \
            "profile's share ($slot_ms ms) apart"
    fi
    note "$unit: $n candidates, $lo..$hi ms"

    # Each item's next cycle starts one further on per cycle played.
    for item in $(awk -v u="$unit" '$1 == u { print $3 }' "$TMP/items"); do
        cycles=$(grep -c "showing [a-z]* $item\$" "$TMP/play.log")
        stored=$(sqlite3 "$DB" "SELECT value FROM state WHERE key = 'rotation:$item'")
        CHECKS=$((CHECKS + 1))
        if [ "$cycles" -lt 2 ]; then
            fail "rotation: $item played $cycles times in $HOURS hours"
        elif [ "${stored:-0}" != $((cycles % n)) ]; then
            fail "rotation: $item played $cycles cycles of $n, next starts at" \
                "${stored:-none}, expected $((cycles % n))"
        fi
    done
done

# On screen: the first profile of a fresh board is the first in the
# official order; the item's next run starts with the second.
unit=$(head -n 1 "$TMP/members" | cut -d' ' -f1)
item=$(awk -v u="$unit" '$1 == u && $2 == "profiles" { print $3 }' "$TMP/items")
layout 1280x720
for k in 0 1; do
    id=$(grep "^$unit " "$TMP/members" | sed -n "$((k + 1))p" | cut -d' ' -f2)
    family=$(json "$MANIFEST" "SELECT json_extract(value, '\$.family_name') || ' ' ||
        ifnull(json_extract(value, '\$.middle_name') || ' ', '') ||
        json_extract(value, '\$.given_name') FROM doc, json_each(j, '\$.candidates')
        WHERE json_extract(value, '\$.id') = '$id'")
    out=$TMP/first-$k.png
    import=
    [ $k = 0 ] && import="--content $DEMO"
    # shellcheck disable=SC2086
    play_ok "$TMP/rotation" 1280x720 $CLOCK 1 $import --start-item "$item" \
        --screenshot "1:$out" || continue
    check_ocr "$out" 0 "$BODY_Y" "$W" $((BODY_H / 3)) "$family"
done

finish
