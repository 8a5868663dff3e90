#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work
# on a closed network). Installs it when it is missing and we may; otherwise says how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium est absent : installation du paquet Debian « chromium »…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Les tests de navigateur ont besoin de Chromium : installez-le avec « sudo apt-get install -y chromium »." >&2
exit 1
