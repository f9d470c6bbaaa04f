#!/usr/bin/env bash
# Large-body abuse: a demo server gets 45 MB bodies (with Content-Length, and chunked) on the
# sign-in form, a 900 KB form, and 30 MB on /imports from a session that is not signed in; each
# must be refused cheaply (server CPU time and memory measured from /proc), and a sign-in must stay
# fast while three such uploads run. The work is in ops-tests/abuse.py (standard library Python).
#
# From the repository root (no root needed):
#   ops-tests/abuse.sh
#
#   OPORA_BIN          the opora executable (default .build/debug/opora; not built here)
#   ABUSE_PORT         port of the demo server (default 8391, another free one if taken)
#   ABUSE_CPU_SLACK    seconds added to every CPU limit (0)
#   ABUSE_RSS_MB       allowed RSS growth of the chunked upload (30)
#   ABUSE_KEEP=1       keep the work directory (server log) even when all passes
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$(date +%s)

OPORA_BIN=${OPORA_BIN:-.build/debug/opora}
case $OPORA_BIN in /*) ;; *) OPORA_BIN=$ROOT/$OPORA_BIN ;; esac
[ -x "$OPORA_BIN" ] || { echo "abuse: no opora executable at $OPORA_BIN (set OPORA_BIN)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/opora-abuse.XXXXXX)
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
  if [ $RESULT = 0 ] && [ "${ABUSE_KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "work directory kept: $WORK"; fi
  echo "abuse run time: $(( $(date +%s) - START ))s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A private copy: the build may relink the executable while the checks run. The resources bundle
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
PORT=${ABUSE_PORT:-8391}
if ! port_free "$PORT"; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
fi

echo "=== abuse: demo server on 127.0.0.1:$PORT, work directory $WORK"
set +e
python3 "$ROOT/ops-tests/abuse.py" --bin "$WORK/bin/opora" --workdir "$WORK/run" --port "$PORT" \
  --log "$WORK/server.log" --pidfile "$WORK/server.pid"
RC=$?
set -e
[ $RC = 0 ] && RESULT=0
exit $RC
