#!/bin/sh
# install-deps.sh - installs the Debian packages bangtin builds, runs and
# tests with, when any is missing. Needs root or sudo to install.
set -eu

PACKAGES="build-essential pkg-config clang libclang-rt-14-dev
 libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
 libvlc-dev libvlc-bin vlc-plugin-base vlc-plugin-video-output
 libcurl4-openssl-dev libsqlite3-dev libqrencode-dev libsodium-dev
 libcjson-dev libutf8proc-dev libmicrohttpd-dev libcmocka-dev
 libgl1-mesa-dri tzdata zbar-tools tesseract-ocr tesseract-ocr-vie ffmpeg sqlite3 xvfb xdotool valgrind"

quiet=0
[ "${1:-}" = "--quiet" ] && quiet=1

missing=""
for p in $PACKAGES; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    case "$status" in
        *" installed") ;;
        *) missing="$missing $p" ;;
    esac
done

if [ -z "$missing" ]; then
    [ $quiet = 1 ] || echo "install-deps: all packages present"
    exit 0
fi

echo "install-deps: missing:$missing"
if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-deps: run as root or install sudo to install them" >&2
    exit 1
fi

$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
