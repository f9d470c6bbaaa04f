# An Opora demo server for an ops test, sourced (from the repository root, under
# `set -euo pipefail`) by ops-tests/abuse.sh and ops-tests/web-fuzz.sh:
#
#   . ops-tests/demo-server.sh
#   demo_server_prepare NAME KEEP PORT    # e.g. abuse "${ABUSE_KEEP:-0}" "${ABUSE_PORT:-8391}"
#   echo "=== ...: demo server on 127.0.0.1:$PORT, work directory $WORK"
#   demo_server_run HELPER.py [more options of the helper]
#
# demo_server_prepare makes the work directory /tmp/opora-NAME.XXXXXX with a private copy of the
# opora executable ($OPORA_BIN, default .build/debug/opora) and its resources bundles, picks the
# port (PORT, or another free one if it is taken) and sets a trap that, on exit, stops the server,
# prints the tail of the server log when the test failed, and removes the work directory when it
# passed (unless KEEP is 1). demo_server_run runs the Python helper, which starts `opora demo`
# itself, and exits with its status.
#
# Sets: ROOT (the repository root), START, WORK, PORT, RESULT.

ROOT=$PWD
START=$(date +%s)

demo_server_cleanup() {
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
  if [ $RESULT = 0 ] && [ "$DEMO_KEEP" != 1 ]; then rm -rf "$WORK"; else echo "work directory kept: $WORK"; fi
  echo "$DEMO_NAME run time: $(( $(date +%s) - START ))s"
}

demo_server_prepare() {
  DEMO_NAME=$1
  DEMO_KEEP=$2
  OPORA_BIN=${OPORA_BIN:-.build/debug/opora}
  case $OPORA_BIN in /*) ;; *) OPORA_BIN=$ROOT/$OPORA_BIN ;; esac
  [ -x "$OPORA_BIN" ] || { echo "$DEMO_NAME: no opora executable at $OPORA_BIN (set OPORA_BIN)" >&2; exit 2; }

  WORK=$(mktemp -d "/tmp/opora-$DEMO_NAME.XXXXXX")
  RESULT=1
  trap demo_server_cleanup EXIT
  trap 'exit 130' INT TERM

  # A private copy: the build may relink the executable while the test runs. The resources bundle
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

  PORT=$3
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  fi
}

demo_server_run() {
  local helper=$1 rc
  shift
  set +e
  python3 "$helper" --bin "$WORK/bin/opora" --workdir "$WORK/run" --port "$PORT" \
    --log "$WORK/server.log" --pidfile "$WORK/server.pid" "$@"
  rc=$?
  set -e
  [ $rc = 0 ] && RESULT=0
  exit $rc
}
