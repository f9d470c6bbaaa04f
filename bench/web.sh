#!/usr/bin/env bash
# The web under load: wrk with 64 connections against the home page, the measures list and the
# monitoring page, signed in as the municipality's admin, at region size (800 schools).
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

cookie_of() {  # signs in through the login form and prints the session cookie
  python3 - "$1" <<'PY'
import http.cookiejar, re, sys, urllib.parse, urllib.request
base = sys.argv[1]
jar = http.cookiejar.CookieJar()
class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
page = opener.open(base + "/login").read().decode()
token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
data = urllib.parse.urlencode({"_csrf": token, "login": "bench", "password": "bench-password-1"}).encode()
try:
    opener.open(base + "/login", data)
except urllib.error.HTTPError as e:
    if e.code != 303: raise
print("; ".join(f"{c.name}={c.value}" for c in jar))
PY
}

load() {
  local db=$1
  echo "== $SIZE, $db: wrk, 64 connections, 2 threads, ${DURATION}s per page =="
  OPORA_DATABASE_URL=$URL "$BIN" user add --login bench --name "Бенчмарк" --role admin --municipality "$MUNICIPALITY" \
    --password bench-password-1 >/dev/null 2>&1 || true
  OPORA_DATABASE_URL=$URL "$BIN" serve --port $PORT > "$WORK/web-$db.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/login" && break; sleep 0.2; done
  local cookie; cookie=$(cookie_of "http://127.0.0.1:$PORT")
  for page in / /measures /monitoring; do
    # One request first: the monitoring page reads and identifies once, then serves from its cache.
    curl -fs -o /dev/null -H "Cookie: $cookie" "http://127.0.0.1:$PORT$page"
    echo "-- $page ($(curl -fs -H "Cookie: $cookie" "http://127.0.0.1:$PORT$page" | wc -c) bytes)"
    wrk -t2 -c64 -d"${DURATION}s" --timeout 30s --latency -H "Cookie: $cookie" "http://127.0.0.1:$PORT$page" > "$WORK/wrk.txt"
    grep -E "Requests/sec|Latency  |50%|75%|90%|99%|Non-2xx|Socket errors|requests in" "$WORK/wrk.txt"
    # Every answer must be the page itself: an error, a redirect to the login or a timeout fails the run.
    if grep -qE "Non-2xx|Socket errors" "$WORK/wrk.txt" || grep -qE "^ +0 requests" "$WORK/wrk.txt"; then
      echo "FAILED: $page answered with errors under load" >&2; kill $pid; exit 1
    fi
  done
  kill $pid; wait $pid 2>/dev/null || true
}

for_each_loaded_database "$DBS" load
