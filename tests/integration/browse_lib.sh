# browse_lib.sh - helpers of the browsing tests: find the buttons and
# cards a voter would tap in a screenshot, turn canvas points into panel
# points, read the demo manifest.
#
# Sourced after lib.sh. Needs ffmpeg (to read pixels) and the sqlite3
# command-line shell (to read JSON and the player's database); a test
# without them says SKIP and stops.

# The theme's colours (src/player/theme.h), for the tests too.
# shellcheck disable=SC2034
PAPER=FAF7F0 RED=B71C1C RED_DARK=8E1212 INK=1A1A1A GOLD=F2C230

have_tools=yes
for _tool in ffmpeg od sqlite3; do
    if ! command -v "$_tool" >/dev/null 2>&1; then
        echo "SKIP: $TEST_NAME: $_tool is not installed (scripts/install-deps.sh)"
        have_tools=no
    fi
done

# need_demo: sets DEMO and MANIFEST to the built demo bundle, or says
# SKIP and ends the test when it has not been made.
need_demo()
{
    DEMO=$BUILD/demo-bundle
    MANIFEST=$DEMO/manifest.json
    if [ ! -f "$MANIFEST" ]; then
        echo "SKIP: $TEST_NAME: $DEMO is missing (make BUILD=$BUILD demo-content)"
        finish
    fi
}

# check_loop_bands FILE WHAT: the loop's overlay is up (red header, dark
# footer) and no back button says browsing is still open. Needs layout.
check_loop_bands()
{
    check_share "$1" 0 0 "$W" $((HEADER_H * 3 / 4)) $RED 6 600 1000 \
        "$2: the loop's header is not red"
    check_share "$1" 0 "$FOOTER_Y" "$QR_X" "$FOOTER_H" $INK 6 600 1000 \
        "$2: the loop's footer is not dark"
    check_share "$1" 0 0 "$W" "$HEADER_H" $RED_DARK 6 0 5 \
        "$2: a back button in the header: still browsing"
}

# cells FILE X Y W H MODE RRGGBB TOL: the blocks of the rectangle that a
# person sees as separate things, one "x y w h" line each in reading
# order (rows top to bottom, left to right within a row). MODE fg: the
# blocks are pixels of the colour (within TOL on every channel); MODE
# bg: the colour is the background and the blocks are everything else.
# Rows and columns with no such pixel separate blocks (gaps under 4
# pixels do not); a block is reported when at least 2% of it is such
# pixels. Works on every second pixel: ffmpeg marks the pixels, awk
# counts them row by row.
cells()
{
    _cf=$1 _cx=$2 _cy=$3 _cw=$4 _chh=$5 _mode=$6 _col=$7 _tol=$8
    _sw=$((_cw / 2))
    _sh=$((_chh / 2))

    # One lut per channel: in range 255, else 0; grey is 255 only where
    # all three are, and never the bytes "0" or "1" or a newline.
    _lut=
    for _ch in r g b; do
        case $_ch in
        r) _v=$(printf '%d' "0x$(echo "$_col" | cut -c1-2)") ;;
        g) _v=$(printf '%d' "0x$(echo "$_col" | cut -c3-4)") ;;
        b) _v=$(printf '%d' "0x$(echo "$_col" | cut -c5-6)") ;;
        esac
        _lut="$_lut${_lut:+:}$_ch='if(between(val,$((_v - _tol)),$((_v + _tol))),255,0)'"
    done
    # The colour's pixels become "1" (fg) or "0" (bg), the others the
    # other; awk counts the "1"s.
    _on=1 _off=0
    [ "$_mode" = bg ] && _on=0 _off=1
    ffmpeg -v error -nostdin -i "$_cf" -vf \
        "crop=$_cw:$_chh:$_cx:$_cy,scale=$_sw:$_sh:flags=neighbor,lutrgb=$_lut,format=gray" \
        -f rawvideo - 2>"$TMP/ffmpeg.err" |
        LC_ALL=C tr '\377' "$_on" | LC_ALL=C tr -c "$_on" "$_off" |
        fold -w "$_sw" >"$TMP/cells.txt"
    if [ -s "$TMP/ffmpeg.err" ] || [ ! -s "$TMP/cells.txt" ]; then
        cat "$TMP/ffmpeg.err" >&2
        return 1
    fi

    awk -v w="$_sw" -v h="$_sh" -v ox="$_cx" -v oy="$_cy" '
    # Runs of the projection p[0..n-1], gaps of one pixel merged.
    function runs(p, n, start, stop, map,   i, j, k, last) {
        k = 0
        last = -100
        for (i = 0; i < n; i++) {
            if (!p[i])
                continue
            if (i - last > 2) {
                start[k] = i
                k++
            }
            stop[k - 1] = i
            last = i
        }
        return k
    }
    {
        y = NR - 1
        line[y] = $0
        py[y] = gsub(/1/, "1", line[y])
        # Columns: +1 where a run of hits starts, -1 after it ends.
        s = $0
        off = 0
        while (match(s, /1+/)) {
            d[off + RSTART - 1]++
            d[off + RSTART - 1 + RLENGTH]--
            off += RSTART - 1 + RLENGTH
            s = substr(s, RSTART + RLENGTH)
        }
    }
    END {
        run = 0
        for (x = 0; x < w; x++) {
            run += d[x]
            px[x] = run
        }
        nx = runs(px, w, xs, xe)
        ny = runs(py, h, ys, ye)
        for (j = 0; j < ny; j++)
            for (k = 0; k < nx; k++) {
                n = 0
                for (y = ys[j]; y <= ye[j]; y++) {
                    t = substr(line[y], xs[k] + 1, xe[k] - xs[k] + 1)
                    n += gsub(/1/, "1", t)
                }
                area = (ye[j] - ys[j] + 1) * (xe[k] - xs[k] + 1)
                if (n * 50 >= area)
                    printf "%d %d %d %d\n", ox + 2 * xs[k], oy + 2 * ys[j],
                        2 * (xe[k] - xs[k] + 1), 2 * (ye[j] - ys[j] + 1)
            }
    }' "$TMP/cells.txt"
}

# centre "X Y W H": prints "CX CY", the middle of the block.
centre()
{
    set -- $1
    echo "$(($1 + $3 / 2)) $(($2 + $4 / 2))"
}

# bands FILE: sets BAR_H (the red bar's height at the top) and FOOT_Y
# (where the bottom bar starts, dark or gold) of a browsing screenshot,
# found by colour: the first row that is mostly not red, the first row
# from the middle down that is mostly dark or mostly gold.
bands()
{
    # shellcheck disable=SC2046
    set -- $("$PROBE" --size "$1") "$1"
    _bw=$1 _bh=$2 _bf=$3
    BAR_H=$("$PROBE" --find-row "$_bf" 0 0 "$_bw" "$_bh" $PAPER 6 500)
    _dark=$("$PROBE" --find-row "$_bf" 0 $((_bh / 2)) "$_bw" $((_bh / 2)) $INK 6 970)
    _gold=$("$PROBE" --find-row "$_bf" 0 $((_bh / 2)) "$_bw" $((_bh / 2)) $GOLD 6 970)
    FOOT_Y=$_dark
    if [ "$_gold" -ge 0 ] && { [ "$_dark" -lt 0 ] || [ "$_gold" -lt "$_dark" ]; }; then
        FOOT_Y=$_gold
    fi
    [ "$BAR_H" -gt 0 ] && [ "$FOOT_Y" -gt "$BAR_H" ]
}

# to_panel ROTATION PANEL_W PANEL_H CX CY: the panel pixel a finger
# touches to hit canvas pixel (CX, CY) on a panel turned by ROTATION
# degrees (the inverse of display_to_canvas in src/player/display.c).
to_panel()
{
    case $1 in
    90) echo "$(($2 - 1 - $5)) $4" ;;
    180) echo "$(($2 - 1 - $4)) $(($3 - 1 - $5))" ;;
    270) echo "$5 $(($3 - 1 - $4))" ;;
    *) echo "$4 $5" ;;
    esac
}

# json FILE SQL: runs SQL over the JSON document FILE, bound as the
# table-valued "doc" (one row, column j).
json()
{
    sqlite3 -batch -noheader :memory: \
        "WITH doc(j) AS (SELECT readfile('$1')) $2"
}

# read_text FILE X Y W H SCALE: what tesseract reads in the rectangle,
# enlarged SCALE times, in grey, on one line; read once per file,
# rectangle and scale.
read_text()
{
    _rc=$TMP/read-$(basename "$1" .png)-$2-$3-$4-$5-$6.txt
    if [ ! -f "$_rc" ]; then
        "$PROBE" --crop "$1" "$2" "$3" "$4" "$5" "$6" "$TMP/read.png" gray &&
            OMP_THREAD_LIMIT=1 tesseract "$TMP/read.png" - -l vie 2>/dev/null |
            tr '\n' ' ' | tr -s ' ' >"$_rc"
    fi
    cat "$_rc"
}

# squeeze: lower case, no spacing (OCR often loses or adds spaces).
squeeze()
{
    tr -d ' \t\n' | sed 's/.*/\L&/'
}

# check_read FILE X Y W H WORDS...: each of WORDS is read there, case
# and spacing ignored. Small type is read again enlarged twice before a
# word counts as missing.
check_read()
{
    # shellcheck disable=SC2154 # set by lib.sh
    [ "$have_ocr" = yes ] || return 0
    _rf=$1 _rx=$2 _ry=$3 _rw=$4 _rh=$5
    shift 5
    for _word in "$@"; do
        CHECKS=$((CHECKS + 1))
        _want=$(printf '%s' "$_word" | squeeze)
        _found=no
        for _scale in 1 2; do
            if read_text "$_rf" "$_rx" "$_ry" "$_rw" "$_rh" $_scale | squeeze |
                grep -qF -- "$_want"; then
                _found=yes
                break
            fi
        done
        [ $_found = yes ] || fail "$_rf: OCR did not find '$_word' in:" \
            "$(read_text "$_rf" "$_rx" "$_ry" "$_rw" "$_rh" 2)"
    done
}

# red_text FILE X Y W H: "X Y W H" around the red type in the rectangle
# (a profile's name) with a margin of 8 pixels; nothing when there is no
# red type. The last 6% of the width, where a scroll bar's red thumb
# may be, is left out.
red_text()
{
    _tx=$2 _tw=$(($4 * 94 / 100))
    cells "$1" "$_tx" "$3" "$_tw" "$5" fg $RED 40 |
        awk -v X="$_tx" -v Y="$3" -v WW="$_tw" -v HH="$5" '
        !n++ || $1 < x0 { x0 = $1 }
        n == 1 || $2 < y0 { y0 = $2 }
        $1 + $3 > x1 { x1 = $1 + $3 }
        $2 + $4 > y1 { y1 = $2 + $4 }
        END {
            if (!n)
                exit
            x0 = x0 - 8 < X ? X : x0 - 8
            y0 = y0 - 8 < Y ? Y : y0 - 8
            x1 = x1 + 8 > X + WW ? X + WW : x1 + 8
            y1 = y1 + 8 > Y + HH ? Y + HH : y1 + 8
            print x0, y0, x1 - x0, y1 - y0
        }'
}
