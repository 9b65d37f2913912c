#!/bin/sh
# test_config.sh - settings: --check-config names the file, line and key
# of every error in one pass; --help lists every flag and key with the
# default the shipped config/bangtin.conf documents; the file's values are
# used and command-line flags override them.
. "$(dirname "$0")/lib.sh"

CONF=$ROOT/config/bangtin.conf

# expect_fail WHAT CMD...: CMD exits non-zero; its output is in check.out.
expect_fail()
{
    what=$1
    shift
    CHECKS=$((CHECKS + 1))
    if "$@" >"$TMP/check.out" 2>&1; then
        fail "$what: exited 0 (args: $*)"
    fi
}

# expect_line TEXT WHAT: check.out holds the exact text.
expect_line()
{
    CHECKS=$((CHECKS + 1))
    if ! grep -qF -- "$1" "$TMP/check.out"; then
        fail "$2: no '$1' in:"
        sed 's/^/    /' "$TMP/check.out"
    fi
}

# --help: every flag, and every key with its default.
CHECKS=$((CHECKS + 1))
"$BIN" --help >"$TMP/help.out" 2>&1 || fail "--help exited non-zero"
for flag in --content --check-content --data-dir --config --check-config --set \
    --windowed --rotation --log-level --headless --size --clock --speed --run-for \
    --screenshot --events --start-item --help; do
    CHECKS=$((CHECKS + 1))
    grep -qE -- "^ +$flag( |$)" "$TMP/help.out" || fail "--help does not list $flag"
done

# The keys config/bangtin.conf documents ("# key = default" lines).
CHECKS=$((CHECKS + 1))
if [ ! -f "$CONF" ]; then
    fail "$CONF is missing"
else
    sed -n 's/^# \([a-z_][a-z_]*\) =\(.*\)$/\1|\2/p' "$CONF" >"$TMP/documented"
    [ -s "$TMP/documented" ] || fail "$CONF documents no keys as '# key = default'"
    while IFS='|' read -r key default; do
        default=${default# }
        CHECKS=$((CHECKS + 1))
        line=$(grep -E "^ +$key +" "$TMP/help.out")
        if [ -z "$line" ]; then
            fail "--help does not list the key $key"
            continue
        fi
        [ -n "$default" ] || default=empty
        CHECKS=$((CHECKS + 1))
        case $line in
        *"(default: $default)"*) ;;
        *) fail "$key: $CONF says '$default', --help says: $line" ;;
        esac
    done <"$TMP/documented"

    # ... and every key --help lists is documented in the file.
    sed -n '/^Settings/,$p' "$TMP/help.out" | sed -n 's/^  \([a-z_][a-z_]*\) .*/\1/p' |
        while read -r key; do
            grep -q "^$key|" "$TMP/documented" ||
                echo "FAIL: --help lists $key, $CONF does not document it"
        done >"$TMP/undocumented"
    CHECKS=$((CHECKS + 1))
    if [ -s "$TMP/undocumented" ]; then
        FAILS=$((FAILS + 1))
        cat "$TMP/undocumented"
    fi

    # The shipped file is valid.
    CHECKS=$((CHECKS + 1))
    "$BIN" --config "$CONF" --check-config >"$TMP/check.out" 2>&1 ||
        fail "the shipped $CONF does not pass --check-config: $(cat "$TMP/check.out")"
fi

# A file with an error on many lines: every one named, file:line: key.
bad=$TMP/bad.conf
cat >"$bad" <<'CONFEOF'
# bangtin.conf with mistakes
fade_mss = 100
fade_ms = fast

rotation = 45
fullscreen = maybe
width 1920
width = 99999
   volume = 101
commission = "Ủy ban bầu cử phường Sen Vàng"
log_level = loud
quiet_hours = 25:00-06:00
CONFEOF
expect_fail "a config with mistakes" "$BIN" --config "$bad" --check-config
expect_line "$bad:2: fade_mss: unknown key" "unknown key"
expect_line "$bad:3: fade_ms: 'fast' is not a whole number" "not a number"
expect_line "$bad:5: rotation: 45" "rotation not a right angle"
expect_line "$bad:6: fullscreen: 'maybe'" "not a yes/no"
expect_line "$bad:7: expected 'key = value'" "no '='"
expect_line "$bad:8: width: 99999" "width out of range"
expect_line "$bad:9: volume: 101" "volume out of range"
expect_line "$bad:11: log_level: " "unknown log level"
expect_line "$bad:12: quiet_hours: " "impossible quiet hours"
CHECKS=$((CHECKS + 1))
if grep -qF "$bad:10:" "$TMP/check.out"; then
    fail "a valid line (10) was reported: $(grep -F "$bad:10:" "$TMP/check.out")"
fi

# A file that cannot be read is named.
expect_fail "a missing config" "$BIN" --config "$TMP/none.conf" --check-config
expect_line "$TMP/none.conf: cannot read" "missing config file"

# Flags that set keys name the key when wrong.
expect_fail "--set rotation=45" "$BIN" --config "$CONF" --set rotation=45 --check-config
expect_line "rotation: 45" "--set with a bad value"
expect_fail "--set nokey=1" "$BIN" --config "$CONF" --set nokey=1 --check-config
expect_line "unknown key 'nokey'" "--set with an unknown key"
expect_fail "--rotation 33" "$BIN" --config "$CONF" --rotation 33 --check-config
expect_line "rotation: 33" "--rotation with a bad value"
expect_fail "--size 12" "$BIN" --config "$CONF" --size 12 --check-config
expect_line "--size 12" "--size with a bad value"
expect_fail "an unknown flag" "$BIN" --config "$CONF" --no-such-flag
expect_line "--no-such-flag" "unknown flag"

# Values from the file are used, and flags override them: the file asks
# for a 1280x720 panel turned 90 degrees; --rotation 0 turns it back.
good=$TMP/good.conf
printf '%s\n' "width = 1280" "height = 720" "rotation = 90" \
    'commission = "Ủy ban bầu cử phường Sen Vàng"' >"$good"
CHECKS=$((CHECKS + 1))
"$BIN" --config "$good" --check-config >"$TMP/check.out" 2>&1 ||
    fail "a good config fails --check-config: $(cat "$TMP/check.out")"
RUNS=$((RUNS + 2))
CHECKS=$((CHECKS + 2))
"$BIN" --config "$good" --headless --speed 0 --data-dir "$TMP/data" \
    --clock 2026-03-12T10:00:00+07:00 --run-for 2 --screenshot "1:$TMP/file.png" \
    >"$TMP/play.log" 2>&1 || fail "the player did not run with $good"
"$BIN" --config "$good" --headless --speed 0 --data-dir "$TMP/data" --rotation 0 \
    --clock 2026-03-12T10:00:00+07:00 --run-for 2 --screenshot "1:$TMP/flag.png" \
    >"$TMP/play.log" 2>&1 || fail "the player did not run with $good --rotation 0"
check_size "$TMP/file.png" 720x1280
check_size "$TMP/flag.png" 1280x720
check_ocr "$TMP/flag.png" 0 0 1280 720 "phường Sen Vàng"

finish
