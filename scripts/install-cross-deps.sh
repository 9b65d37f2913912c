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
# libvlc's plugins for arm64. vlc-plugin-base:arm64 cannot be installed
# beside the amd64 one (three of its libraries are not multiarch: apt
# would remove the amd64 player's plugins), so its other libraries are
# installed and the package itself is unpacked where test-arm64 looks.
VLC_DIR=${ARM64_VLC_DIR:-/opt/bangtin-arm64/vlc}
NOT_MULTIARCH="libcddb2 libsidplay2 libresid-builder0c2a"
deps=""
for d in $(apt-cache depends --no-recommends --no-suggests vlc-plugin-base:arm64 |
           awk '/Depends:/ { print $2 }' | grep -v '^<' | sed 's/:arm64$//' | sort -u); do
    case " $NOT_MULTIARCH vlc-plugin-base " in
        *" $d "*) continue ;;
    esac
    deps="$deps $d:arm64"
done
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
    --no-install-recommends $deps
tmp=$(mktemp -d)
(cd "$tmp" && apt-get download vlc-plugin-base:arm64 >/dev/null 2>&1) ||
    { echo "install-cross-deps: cannot download vlc-plugin-base:arm64" >&2; exit 1; }
$SUDO rm -rf "$VLC_DIR"
$SUDO mkdir -p "$VLC_DIR"
$SUDO dpkg -x "$tmp"/vlc-plugin-base_*_arm64.deb "$tmp/root"
$SUDO mv "$tmp/root/usr/lib/aarch64-linux-gnu/vlc/plugins" "$VLC_DIR/plugins"
$SUDO rm -rf "$tmp"
echo "install-cross-deps: arm64 libvlc plugins in $VLC_DIR/plugins"

echo "install-cross-deps: done"
