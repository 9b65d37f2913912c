# lib.sh - shared helpers of the integration tests: run the real player
# headless, pack fixture bundles, and check screenshots by what they show.
#
# Sourced by tests/integration/test_*.sh (POSIX sh). BANGTIN_BUILD names
# the build folder (default: build). A test calls check_* helpers, which
# print "FAIL: ..." and count failures, then ends with `finish`.

set -u

LC_ALL=C.UTF-8
export LC_ALL
export SDL_VIDEODRIVER="${SDL_VIDEODRIVER:-dummy}"
export SDL_AUDIODRIVER="${SDL_AUDIODRIVER:-dummy}"

ROOT=${BANGTIN_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BANGTIN_BUILD:-build}
case $BUILD in
/*) ;;
*) BUILD=$ROOT/$BUILD ;;
esac
BIN=$BUILD/bangtin
PACK=$BUILD/bangtin-pack
PROBE=$BUILD/bangtin-probe
FIXTURES=$ROOT/tests/data/integration
TEST_NAME=$(basename "$0" .sh)

FAILS=0
CHECKS=0
RUNS=0

for tool in "$BIN" "$PACK" "$PROBE"; do
    if [ ! -x "$tool" ]; then
        echo "FAIL: $tool is missing: build it with make BUILD=$BUILD all"
        exit 1
    fi
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bangtin-$TEST_NAME.XXXXXX")
# KEEP=1 keeps the screenshots and logs to look at.
if [ "${KEEP:-0}" = 1 ]; then
    echo "keeping $TMP"
else
    trap 'rm -rf "$TMP"' EXIT
fi
trap 'exit 130' INT TERM
: >"$TMP/empty.conf"

# Tools the checks need; a missing one turns its checks into SKIP lines.
have_zbar=no
command -v zbarimg >/dev/null 2>&1 && have_zbar=yes
have_ocr=no
if command -v tesseract >/dev/null 2>&1 &&
    tesseract --list-langs 2>/dev/null | grep -qx vie; then
    have_ocr=yes
fi

fail()
{
    FAILS=$((FAILS + 1))
    echo "FAIL: $*"
}

note()
{
    [ "${VERBOSE:-0}" = 1 ] && echo "  $*"
    return 0
}

# Ends the test: its exit status says whether every check passed.
finish()
{
    if [ "$FAILS" -gt 0 ]; then
        echo "$TEST_NAME: $FAILS of $CHECKS checks failed ($RUNS player runs)"
        exit 1
    fi
    echo "$TEST_NAME: $CHECKS checks passed ($RUNS player runs)"
    exit 0
}

# fixture NAME: copies tests/data/integration/NAME.in.json into a fresh
# source folder and prints the folder; the test adds the media files.
fixture()
{
    _dir=$TMP/src-$1
    mkdir -p "$_dir"
    cp "$FIXTURES/$1.in.json" "$_dir/manifest.in.json" || return 1
    echo "$_dir"
}

# pack SRC_DIR OUT_DIR: builds a bundle; failure is a failed check.
pack()
{
    CHECKS=$((CHECKS + 1))
    if ! "$PACK" "$1/manifest.in.json" "$2" >"$TMP/pack.out" 2>&1; then
        fail "bangtin-pack $1 did not pack:"
        sed 's/^/    /' "$TMP/pack.out"
        return 1
    fi
}

# play DATA_DIR SIZE CLOCK RUN_FOR [FLAG...]: runs the player headless
# as fast as it can; its log goes to $TMP/play.log. Returns its status.
play()
{
    _data=$1
    _size=$2
    _clock=$3
    _run_for=$4
    shift 4
    RUNS=$((RUNS + 1))
    "$BIN" --config "$TMP/empty.conf" --headless --speed 0 --data-dir "$_data" \
        --size "$_size" --clock "$_clock" --run-for "$_run_for" "$@" \
        >"$TMP/play.log" 2>&1
}

# play_ok: like play, and a non-zero exit or a missing screenshot fails.
# The screenshots to check are the --screenshot flags' files.
play_ok()
{
    CHECKS=$((CHECKS + 1))
    play "$@"
    _status=$?
    if [ "$_status" != 0 ]; then
        fail "bangtin exited $_status (args: $*); its log:"
        tail -n 20 "$TMP/play.log" | sed 's/^/    /'
        return 1
    fi
    _prev=
    for _a in "$@"; do
        if [ "$_prev" = --screenshot ] && [ ! -s "${_a#*:}" ]; then
            fail "no screenshot ${_a#*:} (args: $*)"
            return 1
        fi
        _prev=$_a
    done
}

# Layout of a WxH canvas, as src/player/layout.c computes it: sets
# W H HEADER_H FOOTER_H BODY_Y BODY_H FOOTER_Y QR_X.
layout()
{
    W=${1%x*}
    H=${1#*x}
    _short=$W
    [ "$H" -lt "$W" ] && _short=$H
    HEADER_H=$(((_short * 90 + 500) / 1000))
    FOOTER_H=$(((_short * 80 + 500) / 1000))
    BODY_Y=$HEADER_H
    BODY_H=$((H - HEADER_H - FOOTER_H))
    FOOTER_Y=$((H - FOOTER_H))
    QR_SIDE=$(((_short * 120 + 500) / 1000))
    [ "$QR_SIDE" -lt "$FOOTER_H" ] && QR_SIDE=$FOOTER_H
    QR_X=$((W - QR_SIDE))
    QR_Y=$((H - QR_SIDE))
}

# check_share FILE X Y W H RRGGBB TOL MIN MAX WHAT: between MIN and MAX per
# mille of the rectangle's pixels are within TOL of the colour.
check_share()
{
    CHECKS=$((CHECKS + 1))
    _got=$("$PROBE" --share "$1" "$2" "$3" "$4" "$5" "$6" "$7" 2>&1) || {
        fail "$1: probe: $_got"
        return 1
    }
    if [ "$_got" -lt "$8" ] || [ "$_got" -gt "$9" ]; then
        _what="$1: $_got per mille is #$6, expected $8..$9"
        shift 9
        fail "$*: $_what"
        return 1
    fi
    note "$1: $_got per mille #$6"
}

# check_size FILE WxH
check_size()
{
    CHECKS=$((CHECKS + 1))
    _got=$("$PROBE" --size "$1" 2>&1)
    if [ "$_got" != "${2%x*} ${2#*x}" ]; then
        fail "$1: size is $_got, expected $2"
        return 1
    fi
}

# check_not_black FILE: less than half the picture is near black.
check_not_black()
{
    _w_h=$("$PROBE" --size "$1") || {
        CHECKS=$((CHECKS + 1))
        fail "$1: not a readable PNG"
        return 1
    }
    check_share "$1" 0 0 "${_w_h% *}" "${_w_h#* }" 000000 12 0 499 "the picture is mostly black"
}

# check_qr FILE URL...: zbarimg finds every URL in the whole picture.
check_qr()
{
    _file=$1
    shift
    [ "$have_zbar" = yes ] || return 0
    _found=$(zbarimg --raw -q "$_file" 2>/dev/null)
    for _url in "$@"; do
        CHECKS=$((CHECKS + 1))
        if ! printf '%s\n' "$_found" | grep -qxF "$_url"; then
            fail "$_file: no QR code reading $_url (zbarimg read: $(printf '%s ' "$_found"))"
        fi
    done
}

# check_corner_qr FILE SIZE URL: the small QR in the bottom-right corner,
# enlarged 2 times pixel for pixel, reads URL.
check_corner_qr()
{
    [ "$have_zbar" = yes ] || return 0
    layout "$2"
    CHECKS=$((CHECKS + 1))
    _crop=$TMP/corner-qr-$(basename "$1")
    "$PROBE" --crop "$1" "$QR_X" "$QR_Y" "$QR_SIDE" "$QR_SIDE" 2 "$_crop" || {
        fail "$1: cannot crop the corner QR"
        return 1
    }
    _found=$(zbarimg --raw -q "$_crop" 2>/dev/null)
    if [ "$_found" != "$3" ]; then
        fail "$1: the corner QR reads '$(printf '%s ' "$_found")', expected $3"
        return 1
    fi
}

# ocr FILE X Y W H: prints the text tesseract reads in the rectangle, in
# grey (white on red reads better so), on one line. Read once per file
# and rectangle.
ocr()
{
    _cache=$TMP/ocr-$(basename "$1" .png)-$2-$3-$4-$5.txt
    if [ ! -f "$_cache" ]; then
        "$PROBE" --crop "$1" "$2" "$3" "$4" "$5" 1 "$TMP/ocr.png" gray &&
            OMP_THREAD_LIMIT=1 tesseract "$TMP/ocr.png" - -l vie 2>/dev/null |
            tr '\n' ' ' | tr -s ' ' >"$_cache"
    fi
    cat "$_cache"
}

# check_ocr FILE X Y W H WORDS...: each of WORDS is in the text read
# (case and spacing ignored).
check_ocr()
{
    [ "$have_ocr" = yes ] || return 0
    _file=$1
    _text=$(ocr "$1" "$2" "$3" "$4" "$5")
    shift 5
    for _word in "$@"; do
        CHECKS=$((CHECKS + 1))
        if ! printf '%s\n' "$_text" | grep -qiF "$_word"; then
            fail "$_file: OCR did not find '$_word' in: $_text"
        fi
    done
}

# check_no_ocr FILE X Y W H WORDS...: none of WORDS is read there.
check_no_ocr()
{
    [ "$have_ocr" = yes ] || return 0
    _file=$1
    _text=$(ocr "$1" "$2" "$3" "$4" "$5")
    shift 5
    for _word in "$@"; do
        CHECKS=$((CHECKS + 1))
        if printf '%s\n' "$_text" | grep -qiF "$_word"; then
            fail "$_file: OCR found '$_word', which must not show, in: $_text"
        fi
    done
}

# pixels_differ A B [X Y W H]: prints how many pixels differ.
pixels_differ()
{
    "$PROBE" --diff "$@"
}

# check_differ A B X Y W H WHAT: the rectangles are not the same picture.
check_differ()
{
    CHECKS=$((CHECKS + 1))
    _n=$(pixels_differ "$1" "$2" "$3" "$4" "$5" "$6" 2>&1) || {
        fail "$1 vs $2: probe: $_n"
        return 1
    }
    if [ "$_n" = 0 ]; then
        _what="$1 and $2 show the same picture"
        shift 6
        fail "$*: $_what"
        return 1
    fi
}

# check_same A B X Y W H WHAT: the rectangles are pixel for pixel equal.
check_same()
{
    CHECKS=$((CHECKS + 1))
    _n=$(pixels_differ "$1" "$2" "$3" "$4" "$5" "$6" 2>&1) || {
        fail "$1 vs $2: probe: $_n"
        return 1
    }
    if [ "$_n" != 0 ]; then
        _what="$1 and $2 differ in $_n pixels"
        shift 6
        fail "$*: $_what"
        return 1
    fi
}

# check_log PATTERN WHAT: the last run's log matches (grep -E).
check_log()
{
    CHECKS=$((CHECKS + 1))
    if ! grep -qE "$1" "$TMP/play.log"; then
        shift
        fail "$*: no line matching '$1' in the log:"
        tail -n 15 "$TMP/play.log" | sed 's/^/    /'
        return 1
    fi
}

# Where the tools are missing, say so once.
say_skips()
{
    [ "$have_zbar" = yes ] || echo "SKIP: QR decoding checks: zbarimg is not installed"
    [ "$have_ocr" = yes ] ||
        echo "SKIP: OCR checks: tesseract with Vietnamese (vie) is not installed"
    return 0
}
