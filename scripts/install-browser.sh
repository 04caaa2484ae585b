#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing and we can.
# The browser tests skip with a clear reason when Chromium is absent.
set -u
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium not installed and cannot install it here; browser tests will be skipped" >&2
  exit 0
fi
echo "installing Debian chromium for the browser tests" >&2
(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
  || echo "chromium install failed; browser tests will be skipped" >&2
exit 0
