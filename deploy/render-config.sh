#!/usr/bin/env bash
# Writes a configuration for an installed PeerBot to stdout: config/peerbot.toml
# with absolute paths, the console adapter off, the health endpoint on and
# logging at notice. Used by `make install` and the container image, so the
# installed file always has every key (and comment) of the shipped one.
#
#   deploy/render-config.sh STATE_DIR DATA_DIR LISTEN < config/peerbot.toml
#   deploy/render-config.sh /var/lib/peerbot /usr/local/share/peerbot 127.0.0.1:9464
set -euo pipefail
if [ $# -ne 3 ]; then
  echo "usage: $0 STATE_DIR DATA_DIR LISTEN < config/peerbot.toml" >&2
  exit 64
fi
state=$1 data=$2 listen=$3
for value in "$state" "$data" "$listen"; do
  case $value in *[\"\\\|]*) echo "$0: paths may not contain \", \\ or |" >&2; exit 64 ;; esac
done
rendered=$(sed -e "s|^path = \"./data/peerbot.sqlite\"|path = \"$state/peerbot.sqlite\"|" \
    -e "s|^directory = \"config/resources.toml\"|directory = \"$data/resources.toml\"|" \
    -e "s|^phrases_directory = \"config/crisis\"|phrases_directory = \"$data/crisis\"|" \
    -e "s|^level = \"warning\"|level = \"notice\"|" \
    -e "/^\[console\]/,/^\[/ s|^enabled = true|enabled = false|" \
    -e "/^\[health\]/,/^\[/ s|^listen = \"\"|listen = \"$listen\"|" \
    -e "1s|^# PeerBot configuration.|# PeerBot configuration (installed: enable a platform adapter, see docs/admin-guide.md).|")
# Fail loudly when config/peerbot.toml changed under this script.
for expected in "path = \"$state/peerbot.sqlite\"" "directory = \"$data/resources.toml\"" \
    "phrases_directory = \"$data/crisis\"" "level = \"notice\"" "listen = \"$listen\""; do
  if ! grep -qxF "$expected" <<<"$rendered"; then
    echo "$0: could not set '$expected': config/peerbot.toml no longer has the line this script rewrites" >&2
    exit 1
  fi
done
if ! awk '/^\[console\]/ { inside = 1; next } /^\[/ { inside = 0 } inside' <<<"$rendered" | grep -qx "enabled = false"; then
  echo "$0: could not turn the console adapter off: [console] no longer has 'enabled = true'" >&2
  exit 1
fi
printf '%s\n' "$rendered"
