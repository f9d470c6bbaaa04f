#!/usr/bin/env bash
# The region's pages under load: a generated size loaded as a region of municipalities
# (bench/lib/region.sh: 30 municipalities for `region`), signed in as the region's administrator,
# wrk with 64 connections on «Муниципалитеты», «Школы региона», «Отчёт региона» and its workbook,
# the regional API, and a municipality's home and monitoring opened from the region.
#
#     bench/web-region.sh [municipality|region] [sqlite|postgres|both] [seconds per page, default 20]
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/region.sh"
SIZE=${1:-region}
DBS=${2:-both}
DURATION=${3:-20}
BIN=$(opora_bin)
PORT=18091
REGION="Бенчмарк-область"
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
DATA=$(bench_data "$SIZE")

run() {
  local db=$1 url=$2
  echo "== $SIZE as a region, $db: wrk, 64 connections, 2 threads, ${DURATION}s per page =="
  if [ ! -f "$WORK/region-$SIZE-$db.loaded" ]; then
    timed env OPORA_DATABASE_URL="$url" bash -c "source '$ROOT/bench/lib/region.sh'; BIN='$BIN' load_region '$DATA' '$REGION' region-bench region-bench-password" >/dev/null
    echo "loaded as a region in ${SECONDS_TAKEN}s, peak ${PEAK_MB} MB"
    touch "$WORK/region-$SIZE-$db.loaded"
  fi
  OPORA_DATABASE_URL=$url "$BIN" serve --port $PORT > "$WORK/web-region-$db.log" 2>&1 &
  local pid=$! base="http://127.0.0.1:$PORT"
  SERVER_PID=$pid
  for _ in $(seq 1 100); do curl -fs -o /dev/null "$base/login" && break; sleep 0.2; done
  local cookie; cookie=$(cookie_of "$base" region-bench region-bench-password)
  for page in /region /region/monitoring "/region/monitoring?page=2" /region/report /region/report.xlsx; do
    wrk_page "$base" "$page" "$cookie" "$DURATION" || { kill $pid; exit 1; }
  done
  # A municipality opened from the region: its home and monitoring, read-only.
  local csrf id
  csrf=$(curl -fs -H "Cookie: $cookie" "$base/region" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  id=$(curl -fs -H "Cookie: $cookie" "$base/region" | grep -o '/region/municipalities/[^/]*/open' | head -1)
  curl -fs -o /dev/null -H "Cookie: $cookie" --data-urlencode "_csrf=$csrf" "$base$id"
  for page in / /monitoring; do
    wrk_page "$base" "$page" "$cookie" "$DURATION" || { kill $pid; exit 1; }
  done
  kill $pid; wait $pid 2>/dev/null || true
}

if [ "$DBS" = sqlite ] || [ "$DBS" = both ]; then
  [ -f "$WORK/region-$SIZE.sqlite" ] || rm -f "$WORK/region-$SIZE-sqlite.loaded"
  run sqlite "sqlite://$WORK/region-$SIZE.sqlite"
fi
if [ "$DBS" = postgres ] || [ "$DBS" = both ]; then
  start_postgres
  psql -qtA "$PG/postgres" -c "SELECT 1 FROM pg_database WHERE datname = 'region_$SIZE'" | grep -q 1 \
    || { psql -q "$PG/postgres" -c "CREATE DATABASE region_$SIZE" >/dev/null; rm -f "$WORK/region-$SIZE-postgres.loaded"; }
  run postgres "$PG/region_$SIZE"
fi
