#!/usr/bin/env bash
# Large-body abuse: a demo server gets 45 MB bodies (with Content-Length, and chunked) on the
# sign-in form, a 900 KB form, and 30 MB on /imports from a session that is not signed in; each
# must be refused cheaply (server CPU time and memory measured from /proc), and a sign-in must stay
# fast while three such uploads run. The work is in ops-tests/abuse.py (standard library Python);
# the demo server around it in ops-tests/demo-server.sh and ops-tests/demo_server.py.
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
. ops-tests/demo-server.sh
demo_server_prepare abuse "${ABUSE_KEEP:-0}" "${ABUSE_PORT:-8391}"

echo "=== abuse: demo server on 127.0.0.1:$PORT, work directory $WORK"
demo_server_run "$ROOT/ops-tests/abuse.py"
