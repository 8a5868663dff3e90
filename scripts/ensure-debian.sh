#!/usr/bin/env bash
# Installs from Debian the programs a part of the project needs, when they are missing and we
# may (root with apt-get, as on CI machines); otherwise says what to install, and fails.
#   bash scripts/ensure-debian.sh "<ce qui en a besoin>" <programme>:<paquet> …
# A programme is a name looked up on PATH and in /usr/sbin and /usr/bin, or an absolute path.
set -euo pipefail
purpose="$1"
shift
missing=()
for requirement in "$@"; do
  program="${requirement%%:*}"
  package="${requirement#*:}"
  if command -v "$program" >/dev/null || [ -x "/usr/sbin/$program" ] || [ -x "/usr/bin/$program" ]; then continue; fi
  case " ${missing[*]-} " in *" $package "*) ;; *) missing+=("$package") ;; esac
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "$purpose : installation des paquets Debian absents ${missing[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "$purpose : installez d’abord « sudo apt-get install -y ${missing[*]} »." >&2
exit 1
