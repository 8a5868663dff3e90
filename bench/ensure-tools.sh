#!/usr/bin/env bash
# The benchmarks need Debian's wrk, nginx, Redis (part 7) and Chromium (Lighthouse). Installs what is missing
# when we may (root with apt-get, as on CI machines); otherwise says what to install.
set -euo pipefail
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v redis-cli >/dev/null || missing+=(redis-tools)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Outils de mesure absents : installation des paquets Debian ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Les mesures ont besoin de : sudo apt-get install -y ${missing[*]}" >&2
exit 1
