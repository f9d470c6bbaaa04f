#!/usr/bin/env bash
# Import throughput of school-level results, with Opora's full validation, beside the physical
# limit on the same machine and file: the sqlite3 shell's .import and PostgreSQL's COPY into a bare
# table of the same columns.
#
#     bench/import.sh [municipality|region|country] [sqlite|postgres|both]
#
# Loads every year's file into a fresh database (kept under .build/bench for identify.sh and web.sh)
# and prints, per file: rows, seconds, rows/s and peak memory of `opora import`, and the limit.
source "$(dirname "$0")/lib/common.sh"
SIZE=${1:-region}
DBS=${2:-both}
BIN=$(opora_bin)
DATA=$(bench_data "$SIZE")
MUNICIPALITY="Бенчмарк ($SIZE)"
BARE_COLUMNS="year integer, kind text, grade integer, subject text, school_code text, participants integer, fails integer, marks3 integer, marks4 integer, marks5 integer, mean_score real"

opora() { OPORA_DATABASE_URL=$URL "$BIN" "$@"; }

run_for() {
  local db=$1
  echo "== $SIZE, $db: $(rows_of "$DATA/schools.csv") schools =="
  opora setup --region "Бенчмарк" --municipality "$MUNICIPALITY" >/dev/null
  opora import schools "$DATA/schools.csv" >/dev/null 2>&1
  timed env OPORA_DATABASE_URL="$URL" "$BIN" import context "$DATA/context.csv" > "$WORK/import.log" 2>&1
  echo "context: $(rows_of "$DATA/context.csv") rows in ${SECONDS_TAKEN}s"
  printf "%-18s %10s %9s %12s %9s   %s\n" file rows seconds rows/s peak_MB "limit rows/s ($2)"
  for f in "$DATA"/results-*.csv; do
    local rows; rows=$(rows_of "$f")
    timed env OPORA_DATABASE_URL="$URL" OPORA_TIMINGS=1 "$BIN" import results "$f" > "$WORK/import-$db-$(basename "$f" .csv).log" 2>&1
    local opora_s=$SECONDS_TAKEN opora_mb=$PEAK_MB
    if [ "$db" = sqlite ]; then
      rm -f "$WORK/bare.sqlite"
      sqlite3 "$WORK/bare.sqlite" "CREATE TABLE results_bare ($BARE_COLUMNS);"
      timed sqlite3 "$WORK/bare.sqlite" ".import --csv --skip 1 $f results_bare"
    else
      psql -q "$PG/postgres" -c "DROP TABLE IF EXISTS results_bare; CREATE TABLE results_bare ($BARE_COLUMNS);"
      timed psql -q "$PG/postgres" -c "\\copy results_bare FROM '$f' WITH (FORMAT csv, HEADER true)"
    fi
    printf "%-18s %10s %9s %12s %9s   %s\n" "$(basename "$f")" "$rows" "$opora_s" "$(per_second "$rows" "$opora_s")" "$opora_mb" \
      "$(per_second "$rows" "$SECONDS_TAKEN") (${SECONDS_TAKEN}s)"
  done
}

if [ "$DBS" = sqlite ] || [ "$DBS" = both ]; then
  rm -f "$WORK/$SIZE.sqlite"*
  URL="sqlite://$WORK/$SIZE.sqlite"
  run_for sqlite ".import"
fi
if [ "$DBS" = postgres ] || [ "$DBS" = both ]; then
  start_postgres
  psql -q "$PG/postgres" -c "DROP DATABASE IF EXISTS bench_$SIZE" -c "CREATE DATABASE bench_$SIZE"
  URL="$PG/bench_$SIZE"
  run_for postgres "COPY"
fi
