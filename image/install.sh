#!/bin/sh
# install.sh - turns a fresh Debian or Raspberry Pi OS Lite machine into a
# bangtin board: packages, the player, its fonts, a service user, the
# configuration and the boot service. Run as root from the source tree:
#   sudo sh image/install.sh
set -eu
cd "$(dirname "$0")/.."

[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo)" >&2; exit 1; }

sh scripts/install-deps.sh
make all

install -d /usr/local/bin /usr/local/share/bangtin/fonts /etc/bangtin
install -m 0755 build/bangtin build/bangtin-pack /usr/local/bin/
install -m 0644 fonts/*.ttf fonts/OFL.txt /usr/local/share/bangtin/fonts/
if [ ! -e /etc/bangtin/bangtin.conf ]; then
    install -m 0644 config/bangtin.conf /etc/bangtin/bangtin.conf
    echo "install.sh: edit /etc/bangtin/bangtin.conf (commission, portal_url)"
fi

if ! id bangtin >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/bangtin --shell /usr/sbin/nologin \
        --groups video,input,audio bangtin
    getent group render >/dev/null && usermod -aG render bangtin
fi
install -d -o bangtin -g bangtin -m 0750 /var/lib/bangtin

install -m 0644 image/bangtin.service /etc/systemd/system/bangtin.service
systemctl daemon-reload
systemctl enable bangtin.service
echo "install.sh: done. Import content with:"
echo "  bangtin --check-content /media/usb/bundle"
echo "  sudo -u bangtin bangtin --data-dir /var/lib/bangtin --import /media/usb/bundle"
echo "  systemctl restart bangtin"
