#!/usr/bin/env bash
# The deployment kit's systemd unit is valid (systemd-analyze verify) with the built binary in
# place of /opt/opora/opora, and it restarts the process after any exit.
set -euo pipefail
cd "$(dirname "$0")/.."
OPORA_BIN=${OPORA_BIN:-.build/debug/opora}
case $OPORA_BIN in /*) ;; *) OPORA_BIN=$PWD/$OPORA_BIN ;; esac
command -v systemd-analyze >/dev/null || { apt-get install -y -qq systemd >/dev/null 2>&1 || true; }
grep -q '^Restart=always$' deploy/opora.service || { echo "service-unit: Restart=always missing" >&2; exit 1; }
grep -q '^StartLimitIntervalSec=0$' deploy/opora.service || { echo "service-unit: StartLimitIntervalSec=0 missing" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
sed -e "s|/opt/opora/opora|$OPORA_BIN|" -e 's|^User=opora$|User=root|' -e 's|^Group=opora$|Group=root|' \
  deploy/opora.service > "$WORK/opora.service"
OUT=$(systemd-analyze verify "$WORK/opora.service" 2>&1 || true)
if [ -n "$OUT" ]; then
  echo "service-unit: systemd-analyze verify reported:" >&2
  echo "$OUT" >&2
  exit 1
fi
echo "service-unit: deploy/opora.service verifies clean; Restart=always, no start limit"
