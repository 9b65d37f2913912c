#!/bin/sh
# install-cross-deps.sh - installs what `make cross-arm64` and
# `make test-arm64` need on a Debian 12 amd64 machine: the arm64 cross
# compiler, qemu user emulation and the arm64 -dev packages. Needs root.
set -eu

PACKAGES="crossbuild-essential-arm64 qemu-user-static pkg-config
 libsdl2-dev:arm64 libsdl2-ttf-dev:arm64 libsdl2-image-dev:arm64
 libvlc-dev:arm64 libcurl4-openssl-dev:arm64 libsqlite3-dev:arm64
 libqrencode-dev:arm64 libsodium-dev:arm64 libcjson-dev:arm64
 libutf8proc-dev:arm64 libcmocka-dev:arm64"

if [ "$(id -u)" = 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "install-cross-deps: run as root or install sudo" >&2
    exit 1
fi

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $SUDO dpkg --add-architecture arm64
fi

$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends $PACKAGES
echo "install-cross-deps: done"
