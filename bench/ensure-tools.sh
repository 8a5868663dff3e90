#!/usr/bin/env bash
# The benchmarks need Debian's wrk, nginx, Redis (part 7), Chromium (Lighthouse) and GNU time.
exec bash "$(dirname "$0")/../scripts/ensure-debian.sh" "Mesures (npm run bench)" \
  wrk:wrk redis-server:redis-server redis-cli:redis-tools nginx:nginx-light /usr/bin/chromium:chromium /usr/bin/time:time
