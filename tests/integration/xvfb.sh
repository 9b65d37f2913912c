# xvfb.sh - an Xvfb of the test's own, for tests that need a real screen.
# Sourced (POSIX sh). Xvfb chooses a free display itself (-displayfd), so
# tests running side by side, or another X server on the machine, are
# never drawn on by mistake. -noreset: by default Xvfb resets when its
# last client leaves, and a player started during the reset finds no
# display.

# start_xvfb WxH DIR: starts the server, waits until it takes clients,
# exports DISPLAY, sets XVFB_PID and unsets SDL_VIDEODRIVER (SDL is to
# find this screen). Ends the test with FAIL and the server's log if it
# did not start within 10 s.
start_xvfb()
{
    _number_file=$2/xvfb.display
    : >"$_number_file"
    Xvfb -displayfd 3 -screen 0 "${1}x24" -nolisten tcp -noreset \
        3>"$_number_file" >"$2/xvfb.log" 2>&1 &
    XVFB_PID=$!
    unset SDL_VIDEODRIVER
    _tries=0
    while [ $_tries -lt 100 ]; do
        _number=$(tr -dc 0-9 <"$_number_file")
        if [ -n "$_number" ]; then
            DISPLAY=":$_number"
            export DISPLAY
            xdotool getdisplaygeometry >/dev/null 2>&1 && return 0
        fi
        kill -0 "$XVFB_PID" 2>/dev/null || break
        sleep 0.1
        _tries=$((_tries + 1))
    done
    echo "FAIL: Xvfb did not start"
    cat "$2/xvfb.log"
    exit 1
}
