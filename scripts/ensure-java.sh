#!/usr/bin/env bash
# The HTML validity test runs the Nu Html Checker (vnu.jar, from npm), which needs Java: Debian's
# headless runtime. Installs it when it is missing and we may; otherwise says how. (vnu-jar's own
# install script, which would download a Java from elsewhere, does not run: npm's allowScripts.)
set -euo pipefail
if command -v java >/dev/null; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Java est absent : installation du paquet Debian « default-jre-headless »…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null
  exit 0
fi
echo "Le test de validité HTML a besoin de Java : installez-le avec « sudo apt-get install -y default-jre-headless »." >&2
exit 1
