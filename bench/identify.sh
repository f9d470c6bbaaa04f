#!/usr/bin/env bash
# Identification of every school of the loaded data for one year, read from Opora's own database:
# `opora identify --year 2022 --format csv`, whole process, wall time and peak memory, with the
# time spent reading rows and running the methodology (OPORA_TIMINGS=1).
#
#     bench/identify.sh [municipality|region|country] [sqlite|postgres|both]
#
# Loads the data with bench/import.sh first when it is not loaded yet.
source "$(dirname "$0")/lib/common.sh"
SIZE=${1:-region}
DBS=${2:-both}
BIN=$(opora_bin)
MUNICIPALITY="Бенчмарк ($SIZE)"
YEAR=2022

identify() {
  local db=$1
  echo "== $SIZE, $db: identification of $YEAR =="
  local run
  for run in 1 2 3; do
    timed env OPORA_DATABASE_URL="$URL" OPORA_TIMINGS=1 "$BIN" identify --year $YEAR --format csv \
      --municipality "$MUNICIPALITY" > "$WORK/identify-$SIZE-$db.csv" 2> "$WORK/identify-$SIZE-$db.log"
    echo "run $run: ${SECONDS_TAKEN}s, peak ${PEAK_MB} MB; $(cat "$WORK/identify-$SIZE-$db.log")"
  done
  echo "categories: $(tail -n +2 "$WORK/identify-$SIZE-$db.csv" | cut -d, -f3 | sort | uniq -c | tr '\n' ' ')"
}

for_each_loaded_database "$DBS" identify
