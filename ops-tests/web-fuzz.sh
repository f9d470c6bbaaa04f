#!/usr/bin/env bash
# Bounded web fuzz pass: a demo server, every GET route (crawled as admin, metodist, biritskaya
# and observer, plus the known routes of routes.swift) with every query parameter set to extreme
# values, every POST form with each field oversized or malformed (correct _csrf, never /logout).
# Each answer must be < 500, within FUZZ_MAX_SECONDS (1.0 s), with no injected header, and the
# server must stay alive. The work is in ops-tests/web_fuzz.py (standard library Python).
#
# From the repository root (no root needed):
#   ops-tests/web-fuzz.sh
#
#   OPORA_BIN            the opora executable (default .build/debug/opora; not built here)
#   WEB_FUZZ_PORT        port of the demo server (default 8390, another free one if taken)
#   FUZZ_MAX_SECONDS     slowest acceptable answer (1.0)
#   FUZZ_BUDGET_SECONDS  wall-clock budget of the fuzz pass itself (180)
#   FUZZ_KEEP=1          keep the work directory (server log, JSON report) even when all passes
#   (more knobs at the top of ops-tests/web_fuzz.py)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$(date +%s)

OPORA_BIN=${OPORA_BIN:-.build/debug/opora}
case $OPORA_BIN in /*) ;; *) OPORA_BIN=$ROOT/$OPORA_BIN ;; esac
[ -x "$OPORA_BIN" ] || { echo "web-fuzz: no opora executable at $OPORA_BIN (set OPORA_BIN)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/opora-web-fuzz.XXXXXX)
RESULT=1
cleanup() {
  set +e
  if [ -s "$WORK/server.pid" ]; then
    pid=$(cat "$WORK/server.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null
    fi
  fi
  if [ $RESULT != 0 ] && [ -f "$WORK/server.log" ]; then
    echo "--- server log (last 40 lines of $WORK/server.log)"
    tail -n 40 "$WORK/server.log"
    echo "---"
  fi
  if [ $RESULT = 0 ] && [ "${FUZZ_KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "work directory kept: $WORK"; fi
  echo "web-fuzz run time: $(( $(date +%s) - START ))s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A private copy: the build may relink the executable while the pass runs. The resources bundle
# goes along, as the executable looks for it next to itself.
mkdir -p "$WORK/bin" "$WORK/run"
for attempt in 1 2 3 4 5 6; do
  cp "$OPORA_BIN" "$WORK/bin/opora" 2>/dev/null && "$WORK/bin/opora" --help >/dev/null 2>&1 && break
  [ $attempt = 6 ] && { echo "could not copy a working $OPORA_BIN (is it being linked?)" >&2; exit 2; }
  sleep 10
done
for bundle in "$(dirname "$OPORA_BIN")"/*.resources; do
  if [ -e "$bundle" ]; then cp -r "$bundle" "$WORK/bin/"; fi
done

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${WEB_FUZZ_PORT:-8390}
if ! port_free "$PORT"; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi

echo "=== web fuzz: demo server on 127.0.0.1:$PORT, work directory $WORK"
set +e
python3 "$ROOT/ops-tests/web_fuzz.py" --bin "$WORK/bin/opora" --workdir "$WORK/run" --port "$PORT" \
  --log "$WORK/server.log" --pidfile "$WORK/server.pid" --report "$WORK/report.json"
RC=$?
set -e
[ $RC = 0 ] && RESULT=0
exit $RC
