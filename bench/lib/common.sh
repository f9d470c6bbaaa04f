# Shared by the bench scripts: the binary, the data, a private PostgreSQL, and timing.
# Sourced, not run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
WORK=${OPORA_BENCH_DIR:-$ROOT/.build/bench}
mkdir -p "$WORK"
PGBIN=/usr/lib/postgresql/15/bin

# The release binary, built when missing; OPORA_BIN names another (CI's smoke run uses the debug one).
opora_bin() {
  if [ -n "${OPORA_BIN:-}" ]; then echo "$OPORA_BIN"; return; fi
  if [ ! -x "$ROOT/.build/release/opora" ]; then
    (cd "$ROOT" && swift build -c release --product opora >&2)
  fi
  echo "$ROOT/.build/release/opora"
}

# The generated files of a size, made once.
bench_data() {
  local size=$1 dir="$WORK/data-$1"
  # Made again when a file of a newer generator is missing (region-schools.csv came later).
  if [ ! -f "$dir/results-2022.csv" ] || [ ! -f "$dir/region-schools.csv" ]; then python3 "$ROOT/bench/generate.py" "$size" "$dir" >&2; fi
  echo "$dir"
}

# Starts the benchmarks' own PostgreSQL 15 (server defaults, fsync on) on port 55440, its data kept
# in /tmp/opora-bench-pgdata so that one script's databases are there for the next; stopped when the script ends.
start_postgres() {
  if [ ! -x "$PGBIN/initdb" ]; then apt-get install -y -qq postgresql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; }; fi
  # In /tmp: the postgres user must be able to reach it, whatever the permissions of the clone's folders.
  local data=${OPORA_BENCH_PGDATA:-/tmp/opora-bench-pgdata}
  PG="postgres://postgres@127.0.0.1:55440"
  # Already started by the script that runs this one: that script stops it.
  if [ -f "$data/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1; then return; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"; chown postgres:postgres "$data"; chmod 700 "$data"
    runuser -u postgres -- "$PGBIN/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p 55440 -k $data -c max_wal_size=4GB" start >/dev/null
  trap "runuser -u postgres -- $PGBIN/pg_ctl -D $data -m fast stop >/dev/null 2>&1" EXIT
}

# Runs a command under /usr/bin/time; sets SECONDS_TAKEN and PEAK_MB.
timed() {
  local out
  out=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$out" "$@"
  read -r SECONDS_TAKEN peak_kb < "$out"
  PEAK_MB=$((peak_kb / 1024))
  rm -f "$out"
}

rows_of() { echo $(( $(wc -l < "$1") - 1 )); }
per_second() { python3 -c "print(f'{$1 / max($2, 0.001):,.0f}'.replace(',', ' '))"; }

# Runs `$2 DB` once per database of $1 (sqlite, postgres or both), with URL set to the database that
# bench/import.sh loads for $SIZE; the data is loaded first when it is not there yet.
for_each_loaded_database() {
  local dbs=$1 per_database=$2
  if [ "$dbs" = sqlite ] || [ "$dbs" = both ]; then
    [ -f "$WORK/$SIZE.sqlite" ] || "$ROOT/bench/import.sh" "$SIZE" sqlite >/dev/null
    URL="sqlite://$WORK/$SIZE.sqlite"
    "$per_database" sqlite
  fi
  if [ "$dbs" = postgres ] || [ "$dbs" = both ]; then
    start_postgres
    if ! psql -qtA "$PG/postgres" -c "SELECT 1 FROM pg_database WHERE datname = 'bench_$SIZE'" | grep -q 1; then
      "$ROOT/bench/import.sh" "$SIZE" postgres >/dev/null
    fi
    URL="$PG/bench_$SIZE"
    "$per_database" postgres
  fi
}

# Signs in through the login form and prints the session cookie: cookie_of BASE LOGIN PASSWORD
cookie_of() {
  python3 - "$1" "$2" "$3" <<'PY'
import http.cookiejar, re, sys, urllib.parse, urllib.request
base, login, password = sys.argv[1:4]
jar = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
page = opener.open(base + "/login").read().decode()
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
data = urllib.parse.urlencode({"_csrf": token, "login": login, "password": password}).encode()
try:
    opener.open(base + "/login", data)
except urllib.error.HTTPError as e:
    if e.code != 303: raise
print("; ".join(f"{c.name}={c.value}" for c in jar))
PY
}

# wrk with 64 connections on one page: prints the figures, fails the run on any error.
# wrk_page BASE PATH COOKIE SECONDS
# The CPU clock ticks (user + system) the server `SERVER_PID` has used; nothing when it is not set.
server_cpu_ticks() {
  [ -n "${SERVER_PID:-}" ] && [ -r "/proc/$SERVER_PID/stat" ] || return 0
  awk '{ print $14 + $15 }' "/proc/$SERVER_PID/stat"
}

wrk_page() {
  local base=$1 page=$2 cookie=$3 seconds=$4
  # One request first: pages that read and identify once serve from their caches after it.
  curl -fs -o /dev/null -H "Cookie: $cookie" "$base$page"
  echo "-- $page ($(curl -fs -H "Cookie: $cookie" "$base$page" | wc -c) bytes)"
  local before; before=$(server_cpu_ticks)
  wrk -t2 -c64 -d"${seconds}s" --timeout 30s --latency -H "Cookie: $cookie" "$base$page" > "$WORK/wrk.txt"
  local after; after=$(server_cpu_ticks)
  grep -E "Requests/sec|Latency  |50%|75%|90%|99%|Non-2xx|Socket errors|requests in" "$WORK/wrk.txt"
  # The server's CPU time (user and system, from /proc) over the requests wrk completed.
  if [ -n "$before" ] && [ -n "$after" ]; then
    local requests; requests=$(grep -oE "^ +[0-9]+ requests in" "$WORK/wrk.txt" | grep -oE "[0-9]+" | head -1)
    [ "${requests:-0}" -gt 0 ] && awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" \
      'BEGIN { printf "  server CPU per request: %.2f ms\n", t * 1000 / hz / n }'
  fi
  # Every answer must be the page itself: an error, a redirect to the login or a timeout fails the run.
  if grep -qE "Non-2xx|Socket errors" "$WORK/wrk.txt" || grep -qE "^ +0 requests" "$WORK/wrk.txt"; then
    echo "FAILED: $page answered with errors under load" >&2; return 1
  fi
}
