#!/usr/bin/env bash
# The HTML validity test runs the Nu Html Checker (vnu.jar, from npm), which needs Java: Debian's
# headless runtime. (vnu-jar's own install script, which would download a Java from elsewhere,
# does not run: npm's allowScripts.)
exec bash "$(dirname "$0")/ensure-debian.sh" "Test de validité HTML (Java pour le Nu Html Checker)" java:default-jre-headless
