#!/usr/bin/env bash
# Browser journeys of Opora in headless Chromium.
#
# Run as root from the repository root after `swift build` (needs .build/debug/opora):
#     browser-tests/run.sh
# Installs Chromium and its driver if missing, makes a venv with Selenium in
# .build/browser-venv, starts `opora demo` on a fresh database in a temporary
# directory on port 8181, runs journeys.py against it and stops the server; then
# makes a new district with `opora setup` on a database of its own, serves it on
# port 8183 and runs journey i (a new district's programme) against it; then loads a region of
# 30 municipalities and 800 schools (bench/lib/region.sh), serves it on port 8185 and runs journey j.
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
# openpyxl fills a downloaded template the way a spreadsheet program saves it (journey b).
if ! "$VENV/bin/python" -c 'import openpyxl, sys; sys.exit(openpyxl.__version__ != "3.1.5")' 2>/dev/null; then
    "$VENV/bin/pip" install -q --disable-pip-version-check openpyxl==3.1.5
fi
# axe-core's accessibility rules, run on every page of the journeys at both widths.
if ! "$VENV/bin/python" -c 'import axe_selenium_python' 2>/dev/null; then
    "$VENV/bin/pip" install -q --disable-pip-version-check axe-selenium-python==2.1.6
fi

# 3. A demo server on a fresh database
answers_at() { /usr/bin/python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=3)' "$1/login" 2>/dev/null; }
answers() { answers_at "$BASE"; }
if answers; then echo "something already answers on $BASE; set OPORA_BROWSER_PORT" >&2; exit 2; fi

WORK=$(mktemp -d /tmp/opora-browser.XXXXXX)
SERVER_PID=""
DISTRICT_PID=""
stop() {
    if [ -n "$1" ] && kill -0 "$1" 2>/dev/null; then
        kill "$1" 2>/dev/null || true
        wait "$1" 2>/dev/null || true
    fi
}
cleanup() {
    stop "$SERVER_PID"
    stop "$DISTRICT_PID"
    stop "${REGION_PID:-}"
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
if [ "$status" -ne 0 ]; then
    echo "Server log (last 30 lines):"; tail -30 "$WORK/server.log"
fi

# 5. Journey i: a district fresh from `opora setup`, on a database of its own, with the real clock
DISTRICT_PORT=$((PORT + 2))
DISTRICT_BASE="http://127.0.0.1:$DISTRICT_PORT"
new_district() {  # $1: a fresh folder for its database; answers the journey's exit code
    mkdir -p "$1"
    (
        cd "$1"
        export OPORA_DATABASE_URL="sqlite://$1/opora.sqlite" OPORA_PASSWORD="district-admin-password"
        "$BIN" setup --region "Иркутская область" --municipality "Усть-Удинский район" >"$1/setup.log" 2>&1
        "$BIN" user add --login ud-admin --name "Администратор района" --role admin --municipality "Усть-Удинский район" >>"$1/setup.log" 2>&1
        exec "$BIN" serve --port "$DISTRICT_PORT" >"$1/server.log" 2>&1
    ) &
    DISTRICT_PID=$!
    for _ in $(seq 1 120); do answers_at "$DISTRICT_BASE" && break; sleep 1; done
    local rc=0
    OPORA_NEW_DISTRICT="ud-admin:district-admin-password" "$VENV/bin/python" "$REPO/browser-tests/journeys.py" "$DISTRICT_BASE" || rc=$?
    if [ "$rc" -ne 0 ]; then echo "District server log (last 30 lines):"; tail -30 "$1/server.log"; cat "$1/setup.log"; fi
    stop "$DISTRICT_PID"
    return "$rc"
}
district=0
new_district "$WORK/district-1" || district=$?
if [ "$district" -ne 0 ]; then
    echo "Journey i failed; once more on another fresh database to tell a real failure from a slow machine."
    district=0
    new_district "$WORK/district-2" || district=$?
fi

# 6. Journey j: a region of 30 municipalities and 800 schools, loaded as a region starts
REGION_PORT=$((PORT + 4))
REGION_BASE="http://127.0.0.1:$REGION_PORT"
REGION_PID=""
source "$REPO/bench/lib/region.sh"
python3 "$REPO/bench/generate.py" region "$WORK/region-data" >/dev/null
region_journey() {  # $1: a fresh folder for its database; answers the journey's exit code
    mkdir -p "$1"
    (
        cd "$1"
        export OPORA_DATABASE_URL="sqlite://$1/opora.sqlite"
        load_region "$WORK/region-data" "Бенчмарк-область" region-admin region-admin-password >"$1/setup.log" 2>&1
        exec "$BIN" serve --port "$REGION_PORT" >"$1/server.log" 2>&1
    ) &
    REGION_PID=$!
    for _ in $(seq 1 180); do answers_at "$REGION_BASE" && break; sleep 1; done
    local rc=0
    OPORA_REGION="region-admin:region-admin-password" "$VENV/bin/python" "$REPO/browser-tests/journeys.py" "$REGION_BASE" || rc=$?
    if [ "$rc" -ne 0 ]; then echo "Region server log (last 30 lines):"; tail -30 "$1/server.log"; cat "$1/setup.log"; fi
    stop "$REGION_PID"
    return "$rc"
}
region=0
region_journey "$WORK/region-1" || region=$?
if [ "$region" -ne 0 ]; then
    echo "Journey j failed; once more on another fresh database to tell a real failure from a slow machine."
    region=0
    region_journey "$WORK/region-2" || region=$?
fi

echo "Screenshots: $SCREENSHOT_DIR"
[ "$status" -ne 0 ] && exit "$status"
[ "$district" -ne 0 ] && exit "$district"
exit "$region"
