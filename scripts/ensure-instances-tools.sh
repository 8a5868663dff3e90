#!/usr/bin/env bash
# The test of several instances (tests/integration/app/instances.test.ts) runs its own
# redis-server, puts deploy/nginx.conf in front of two instances and loads it with wrk: Debian's
# redis-server, nginx-light and wrk (and systemd-analyze, for deploy/'s unit). Installs what is missing when we may; otherwise says how.
set -euo pipefail
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v redis-cli >/dev/null || missing+=(redis-tools)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v wrk >/dev/null || missing+=(wrk)
command -v systemd-analyze >/dev/null || missing+=(systemd)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Outils des tests à plusieurs instances absents : installation des paquets Debian ${missing[*]}…"
  apt-get update -qq
  # The package's own service is not started here: the tests start their own redis-server.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Les tests à plusieurs instances ont besoin de : sudo apt-get install -y ${missing[*]}" >&2
exit 1
