#!/usr/bin/env bash
# Installs the Debian packages PeerBot's build and tests need, when missing.
# Idempotent: does nothing when everything is present. Uses sudo only when not root.
set -euo pipefail

packages=(
  pkg-config
  libcurl4-openssl-dev   # CCurl: the HTTP transport
  libwebsockets-dev      # CWebsockets: the WebSocket transport
  libsqlite3-dev         # GRDB links the system SQLite
  python3-venv           # test peers (loopback servers, Synapse) run in a venv
  openssl                # test certificates for wss:// tests
  tzdata                 # IANA time zones for schedules
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
