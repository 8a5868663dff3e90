#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work
# on a closed network).
exec bash "$(dirname "$0")/ensure-debian.sh" "Tests de navigateur (Chromium)" /usr/bin/chromium:chromium
