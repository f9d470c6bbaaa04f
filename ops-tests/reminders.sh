#!/usr/bin/env bash
# Reminder letters through a real SMTP server (aiosmtpd, pinned, in a venv of its own): the demo's
# digest reaches it with the right measures; a server that cannot be reached is reported and the
# letters are sent at the next run; a second run sends nothing. The work is in ops-tests/reminders.py.
#
#   OPORA_BIN   the opora executable (default .build/debug/opora; not built here)
set -euo pipefail
cd "$(dirname "$0")/.."
OPORA_BIN=${OPORA_BIN:-.build/debug/opora}
case $OPORA_BIN in /*) ;; *) OPORA_BIN=$PWD/$OPORA_BIN ;; esac
VENV=.build/reminders-venv
[ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import aiosmtpd" 2>/dev/null || {
  python3 -m venv "$VENV" && "$VENV/bin/pip" install -q aiosmtpd==1.4.6
}
WORK=$(mktemp -d /tmp/opora-reminders.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/bin"
cp "$OPORA_BIN" "$WORK/bin/opora"
cp -r "$(dirname "$OPORA_BIN")"/*.resources "$WORK/bin/"
"$VENV/bin/python" ops-tests/reminders.py "$WORK/bin/opora" "$WORK"
