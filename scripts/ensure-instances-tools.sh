#!/usr/bin/env bash
# The test of several instances (tests/integration/app/instances.test.ts) runs its own
# redis-server, puts deploy/nginx.conf in front of two instances and loads it with wrk; the unit
# test of deploy/ runs systemd-analyze; the instances' metrics are scraped by Debian's Prometheus, whose
# promtool checks deploy/'s alert rules. (The redis-server package's own service is not needed:
# the tests start their own.)
exec bash "$(dirname "$0")/ensure-debian.sh" "Tests à plusieurs instances (redis-server, nginx, wrk, systemd-analyze, prometheus)" \
  redis-server:redis-server redis-cli:redis-tools nginx:nginx-light wrk:wrk systemd-analyze:systemd prometheus:prometheus promtool:prometheus
