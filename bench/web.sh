#!/usr/bin/env bash
# The web under load: wrk with 64 connections against the home page, the measures list, the
# monitoring page, the schools, the indicators and the report, signed in as the municipality's admin,
# at region size (800 schools in one municipality), with the server's CPU time per request.
#
#     bench/web.sh [municipality|region|country] [sqlite|postgres|both] [seconds per page, default 20]
#
# Prints requests/s, latency percentiles and errors per page. Loads the data first when needed.
source "$(dirname "$0")/lib/common.sh"
SIZE=${1:-region}
DBS=${2:-both}
DURATION=${3:-20}
BIN=$(opora_bin)
MUNICIPALITY="Бенчмарк ($SIZE)"
PORT=18090
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

load() {
  local db=$1
  echo "== $SIZE, $db: wrk, 64 connections, 2 threads, ${DURATION}s per page =="
  OPORA_DATABASE_URL=$URL "$BIN" user add --login bench --name "Бенчмарк" --role admin --municipality "$MUNICIPALITY" \
    --password bench-password-1 >/dev/null 2>&1 || true
  OPORA_DATABASE_URL=$URL "$BIN" serve --port $PORT > "$WORK/web-$db.log" 2>&1 &
  local pid=$!
  SERVER_PID=$pid
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 0.2; done
  local cookie; cookie=$(cookie_of "http://127.0.0.1:$PORT" bench bench-password-1)
  for page in / /measures /monitoring /schools /indicators /report; do
    wrk_page "http://127.0.0.1:$PORT" "$page" "$cookie" "$DURATION" || { kill $pid; exit 1; }
  done
  kill $pid; wait $pid 2>/dev/null || true
}

for_each_loaded_database "$DBS" load
