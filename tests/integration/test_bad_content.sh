#!/bin/sh
# test_bad_content.sh - each kind of malformed bundle gives its error and
# keeps the previous content playing.
#
# A good bundle (version 3, "phường Sen Vàng") is imported first and its
# picture taken. Each bad bundle is a copy of a good version 4 ("phường
# Đào Đỏ") with one defect. For each: `bangtin --check-content` exits
# non-zero with "<dir>/manifest.json:<line>: <field>" on the defect's
# line; `bangtin --content` refuses it, exits 0, and the screen is the
# version 3 picture pixel for pixel. Finally the good version 4 is taken,
# which changes the picture: the comparison can fail.
. "$(dirname "$0")/lib.sh"

SIZE=1280x720
DAY=2026-03-12T10:00:00+07:00
layout $SIZE

say_skips

# The good version 3, played from the store.
src=$(fixture scenes)
"$PROBE" --make "$src/info.png" 1600 900 1565C0 2E7D32 || fail "cannot make info.png"
pack "$src" "$TMP/good3" || finish
data=$TMP/data
reference=$TMP/reference.png
play_ok "$data" $SIZE $DAY 2 --content "$TMP/good3" --start-item countdown \
    --screenshot "1:$reference" || finish
check_ocr "$reference" 0 0 "$W" "$HEADER_H" "phường Sen Vàng"

# The good version 4 every bad bundle starts from.
src4=$TMP/src4
mkdir -p "$src4"
sed 's/"version": 3/"version": 4/; s/phường Sen Vàng"/phường Đào Đỏ"/' \
    "$src/manifest.in.json" >"$src4/manifest.in.json"
cp "$src/info.png" "$src4/"
pack "$src4" "$TMP/good4" || finish

TAB=$(printf '\t')
BAD_BYTE=$(printf '\377')

# bad NAME FIELD MARKER [SED_SCRIPT]: copies good4 to NAME, applies the
# script to its manifest.json (the caller may change it further after),
# and sets $dir. FIELD starts the expected message; MARKER is a grep
# pattern whose last matching line is the line the error must name
# ("1": line 1, "": no line).
bad()
{
    dir=$TMP/bad-$1
    rm -rf "$dir"
    cp -r "$TMP/good4" "$dir"
    name=$1
    field=$2
    marker=$3
    if [ $# -ge 4 ]; then
        LC_ALL=C sed -i "$4" "$dir/manifest.json"
        CHECKS=$((CHECKS + 1))
        if cmp -s "$dir/manifest.json" "$TMP/good4/manifest.json"; then
            fail "$name: the sed script changed nothing: $4"
        fi
    fi
}

# verify: runs both checks on the bundle made by bad (and changed since).
verify()
{
    # --check-content names the file, line and field.
    CHECKS=$((CHECKS + 1))
    "$BIN" --check-content "$dir" >"$TMP/check.out" 2>&1
    status=$?
    if [ $status = 0 ]; then
        fail "$name: --check-content accepted the bad bundle:"
        sed 's/^/    /' "$TMP/check.out"
    fi

    case $marker in
    "") where="$dir/manifest.json: $field" ;;
    1) where="$dir/manifest.json:1: $field" ;;
    *)
        line=$(LC_ALL=C grep -n -- "$marker" "$dir/manifest.json" | tail -n 1 | cut -d: -f1)
        where="$dir/manifest.json:${line:-?}: $field"
        ;;
    esac
    CHECKS=$((CHECKS + 1))
    if ! grep -qF -- "$where" "$TMP/check.out"; then
        fail "$name: --check-content did not say '$where'; it said:"
        sed 's/^/    /' "$TMP/check.out"
    fi

    # The player refuses it and keeps playing version 3.
    shot=$TMP/after-$name.png
    play_ok "$data" $SIZE $DAY 2 --content "$dir" --start-item countdown \
        --screenshot "1:$shot" || return
    check_log "refused" "$name: the player did not say it refused the bundle"
    check_log "playing content version 3" "$name: the player is not playing version 3"
    check_same "$shot" "$reference" 0 0 "$W" "$H" \
        "$name: the picture changed after refusing the bundle"
}

bad syntax "JSON syntax error" "^$TAB\"published_at\"" \
    "s/^\($TAB\"version\":$TAB\)4,\$/\14/"
verify
bad missing-field "commission: missing required field" 1 "/^$TAB\"commission\":/d"
verify
bad bad-time "published_at: must be a date and time" "^$TAB\"published_at\"" \
    "s/^\($TAB\"published_at\":$TAB\)\"[^\"]*\"/\1\"2026-02-30T25:61:00+07:00\"/"
verify
bad bad-day "election.day: must be a date" "\"day\":" \
    "s/\"day\":$TAB\"[^\"]*\"/\"day\":$TAB\"2026-15-40\"/"
verify
bad polls-order "election.polls_close: polls must close after they open" \
    "\"polls_close\"" "s/\"polls_close\":$TAB\"19:00\"/\"polls_close\":$TAB\"06:00\"/"
verify
bad campaign-end "election.campaign_end:" "\"campaign_end\"" \
    "s/\"polls_close\":$TAB\"19:00\"/&, \"campaign_end\": \"2026-03-16T00:00:00+07:00\"/"
verify
bad wrong-type "version: must be a whole number" "^$TAB\"version\"" \
    "s/^\($TAB\"version\":$TAB\)4,/\1\"bốn\",/"
verify
bad format "format: unsupported format 2" "\"format\"" \
    "s/\"format\":${TAB}1/\"format\":${TAB}2/"
verify
bad unknown-type "playlist[0].type: unknown value \"slideshow\"" "\"slideshow\"" \
    "s/\"type\":$TAB\"countdown\"/\"type\":$TAB\"slideshow\"/"
verify
bad dangling-ref "playlist[2].notice: no notice with id" "\"no-such-notice\"" \
    "s/\"notice\":$TAB\"polling-place\"/\"notice\":$TAB\"no-such-notice\"/"
verify
bad duplicate-id "playlist[1].id: duplicate id \"countdown\"" "\"id\":$TAB\"countdown\"" \
    "s/\"id\":$TAB\"infographic\"/\"id\":$TAB\"countdown\"/"
verify
bad bad-url "links.feedback_url:" "ftp://" \
    "s|\"feedback_url\":$TAB\"[^\"]*\"|\"feedback_url\":$TAB\"ftp://senvang.example.vn\"|"
verify
bad notice-title "notices[0].title: missing required field" "\"notices\":" \
    "/\"title\":$TAB\"Địa điểm bỏ phiếu\"/d"
verify
bad invalid-utf8 "invalid UTF-8" "$BAD_BYTE" "/\"commission\"/s/Đào/$BAD_BYTE/"
verify

bad no-manifest "cannot read the manifest" ""
rm "$dir/manifest.json"
verify

# Media defects: the media ref's line ("media": {) is named.
bad media-missing "playlist[1].media: media file media/" "\"media\":"
rm "$dir"/media/*
verify
bad media-hash "playlist[1].media: media file media/" "\"media\":"
for f in "$dir"/media/*; do
    head -c "$(wc -c <"$f")" /dev/zero >"$f.new" && mv "$f.new" "$f"
done
verify
CHECKS=$((CHECKS + 1))
grep -q "damaged or misnamed" "$TMP/check.out" ||
    fail "media-hash: the message does not say the file is damaged: $(cat "$TMP/check.out")"
bad media-size "playlist[1].media: media file media/" "\"media\":"
for f in "$dir"/media/*; do
    printf x >>"$f"
done
verify

# A bundle that is not there at all.
CHECKS=$((CHECKS + 1))
if "$BIN" --check-content "$TMP/no-such-dir" >/dev/null 2>&1; then
    fail "--check-content accepted a folder that does not exist"
fi

# The store still holds a good version 3 when started without --content.
after=$TMP/after-all.png
play_ok "$data" $SIZE $DAY 2 --start-item countdown --screenshot "1:$after" &&
    check_same "$after" "$reference" 0 0 "$W" "$H" \
        "after the refusals, a plain start does not show version 3"

# Control: the good version 4 is taken and changes the picture.
CHECKS=$((CHECKS + 1))
"$BIN" --check-content "$TMP/good4" >"$TMP/check.out" 2>&1 ||
    fail "good version 4 does not pass --check-content: $(cat "$TMP/check.out")"
taken=$TMP/taken.png
if play_ok "$data" $SIZE $DAY 2 --content "$TMP/good4" --start-item countdown \
    --screenshot "1:$taken"; then
    check_log "playing content version 4" "the good version 4 was not taken"
    check_differ "$taken" "$reference" 0 0 "$W" "$HEADER_H" \
        "the good version 4 did not change the header"
    check_ocr "$taken" 0 0 "$W" "$HEADER_H" "phường Đào Đỏ"
fi

finish
