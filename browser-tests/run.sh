#!/usr/bin/env bash
# Browser journeys of Opora in headless Chromium.
#
# Run as root from the repository root after `swift build` (needs .build/debug/opora):
#     browser-tests/run.sh
# Installs Chromium and its driver if missing, makes a venv with Selenium in
# .build/browser-venv, starts `opora demo` on a fresh database in a temporary
# directory on port 8181, runs journeys.py against it and stops the server.
# Screenshots go to $SCREENSHOT_DIR (default /tmp/opora-shots).
# Exit code: 0 when every journey passes, non-zero otherwise.
set -euo pipefail

REPO=$(pwd)
BIN="${OPORA_BIN:-$REPO/.build/debug/opora}"
PORT=${OPORA_BROWSER_PORT:-8181}
BASE="http://127.0.0.1:$PORT"
VENV="$REPO/.build/browser-venv"
export SCREENSHOT_DIR=${SCREENSHOT_DIR:-/tmp/opora-shots}
export DEBIAN_FRONTEND=noninteractive

[ -x "$BIN" ] || { echo "no $BIN: run swift build first (from the repository root)" >&2; exit 2; }

apt_install() {
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}

# 1. Chromium and chromedriver
if ! command -v chromium >/dev/null || [ ! -x /usr/bin/chromedriver ]; then
    echo "Installing chromium and chromium-driver…"
    apt_install chromium chromium-driver
fi

# 2. Selenium in a clean venv
if [ ! -x "$VENV/bin/python" ]; then
    /usr/bin/python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; /usr/bin/python3 -m venv "$VENV"; }
fi
if ! "$VENV/bin/python" -c 'import selenium, sys; sys.exit(selenium.__version__ != "4.51.0")' 2>/dev/null; then
    "$VENV/bin/pip" install -q --disable-pip-version-check selenium==4.51.0
fi

# 3. A demo server on a fresh database
answers() { /usr/bin/python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=3)' "$BASE/login" 2>/dev/null; }
if answers; then echo "something already answers on $BASE; set OPORA_BROWSER_PORT" >&2; exit 2; fi

WORK=$(mktemp -d /tmp/opora-browser.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

(cd "$WORK" && exec "$BIN" demo --port "$PORT" >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
echo "Started opora demo (pid $SERVER_PID) in $WORK on $BASE"

for _ in $(seq 1 120); do
    answers && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "opora demo exited; its log:" >&2; cat "$WORK/server.log" >&2; exit 1
    fi
    sleep 1
done
if ! answers; then
    echo "opora demo did not answer on $BASE/login within 120 s; its log:" >&2
    tail -50 "$WORK/server.log" >&2
    exit 1
fi

# 4. The journeys
echo "Screenshots: $SCREENSHOT_DIR"
status=0
"$VENV/bin/python" "$REPO/browser-tests/journeys.py" "$BASE" || status=$?
if [ "$status" -ne 0 ]; then
    # A slow machine can lose a race with a page load once; a real failure fails twice. The second
    # run imports another year, since the first one's import is already in.
    echo "Some journeys failed; running them all once more to tell a real failure from a slow machine."
    status=0
    IMPORT_YEAR=2014 "$VENV/bin/python" "$REPO/browser-tests/journeys.py" "$BASE" || status=$?
fi
echo "Screenshots: $SCREENSHOT_DIR"
if [ "$status" -ne 0 ]; then
    echo "Server log (last 30 lines):"; tail -30 "$WORK/server.log"
fi
exit "$status"
