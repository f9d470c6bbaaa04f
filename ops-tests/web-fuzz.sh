#!/usr/bin/env bash
# Bounded web fuzz pass: a demo server, every GET route (crawled as admin, metodist, biritskaya
# and observer, plus the known routes of routes.swift) with every query parameter set to extreme
# values, every POST form with each field oversized or malformed (correct _csrf, never /logout).
# Each answer must be < 500, within FUZZ_MAX_SECONDS (1.0 s), with no injected header, and the
# server must stay alive. The work is in ops-tests/web_fuzz.py (standard library Python); the
# demo server around it in ops-tests/demo-server.sh and ops-tests/demo_server.py.
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
. ops-tests/demo-server.sh
demo_server_prepare web-fuzz "${FUZZ_KEEP:-0}" "${WEB_FUZZ_PORT:-8390}"

echo "=== web fuzz: demo server on 127.0.0.1:$PORT, work directory $WORK"
demo_server_run "$ROOT/ops-tests/web_fuzz.py" --report "$WORK/report.json"
