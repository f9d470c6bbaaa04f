#!/usr/bin/env bash
# Property-based fuzzing of the JSON API (/api/v1) against its own OpenAPI document, with Schemathesis.
#
# Run as root from the repository root after `swift build` (needs .build/debug/opora, or OPORA_BIN):
#     api-fuzz/run.sh
# It makes a venv with a pinned Schemathesis in .build/fuzz-venv, starts `opora demo` on a fresh
# database in a temporary directory, logs in as admin and issues an API token on /admin/tokens
# (api-fuzz/token.py), and runs every operation of /api/v1/openapi.json with the checks
#     not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance
# then stops the server. Path and body identifiers are drawn part of the time from the rows that
# exist in the demo database (token.py writes them into a Schemathesis config), so the requests
# get past «404 not found».
#
# Environment (all optional):
#   OPORA_BIN        the opora binary                     (default .build/debug/opora)
#   FUZZ_PORT        port of the demo server              (default 8182; when unset and 8182 is taken, a free one)
#   FUZZ_EXAMPLES    test cases per operation, fuzzing phase (default 80: about 2.5 minutes in all on 2 cores)
#   FUZZ_SEED        Hypothesis seed                       (default 20221001)
#   FUZZ_PHASES      Schemathesis phases                   (default examples,coverage,fuzzing,stateful; the stateful
#                    phase follows links Schemathesis infers between operations and costs a few seconds)
#   FUZZ_TOKEN_OWNER login of the token's owner: admin, metodist, biritskaya, kumareyskaya, observer (default admin),
#                    or region (the region's administrator: set FUZZ_TOKEN_LOGIN=region too, who issues it)
#   FUZZ_TOKEN_LOGIN login of the administrator who issues the token (default admin)
#   FUZZ_MODE        positive, negative or all             (default all: schema-valid and schema-breaking inputs)
#   FUZZ_WORKERS     concurrent workers                    (default 1: deterministic order of requests against
#                    one database; more than 1 needs Python >= 3.11.5, older ones crash in ast.parse from threads)
#   FUZZ_REPORT_DIR  JUnit XML and NDJSON event log        (default .build/api-fuzz-report)
#   FUZZ_MAX_FAILURES stop after this many failures        (default: no limit)
# Exit code: 0 when every check passes on every operation, non-zero otherwise.
set -euo pipefail

REPO=$(pwd)
HERE="$REPO/api-fuzz"
BIN="${OPORA_BIN:-$REPO/.build/debug/opora}"
EXAMPLES=${FUZZ_EXAMPLES:-80}
SEED=${FUZZ_SEED:-20221001}
PHASES=${FUZZ_PHASES:-examples,coverage,fuzzing,stateful}
MODE=${FUZZ_MODE:-all}
WORKERS=${FUZZ_WORKERS:-1}
REPORT_DIR=$(realpath -m "${FUZZ_REPORT_DIR:-$REPO/.build/api-fuzz-report}")
VENV="$REPO/.build/fuzz-venv"
SCHEMATHESIS_VERSION=4.32.5
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
export DEBIAN_FRONTEND=noninteractive

[ -f "$HERE/token.py" ] || { echo "run api-fuzz/run.sh from the repository root" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no $BIN: run swift build first (from the repository root), or set OPORA_BIN" >&2; exit 2; }
START=$(date +%s)

apt_install() {
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
        || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
}

# 1. Schemathesis, pinned, in its own venv
PY=/usr/bin/python3
[ -x "$PY" ] || { apt_install python3; }
if ! "$VENV/bin/python" -c '' 2>/dev/null; then
    rm -rf "$VENV"
    "$PY" -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; "$PY" -m venv "$VENV"; }
fi
if [ "$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("schemathesis"))' 2>/dev/null)" != "$SCHEMATHESIS_VERSION" ]; then
    echo "Installing schemathesis==$SCHEMATHESIS_VERSION in $VENV…"
    "$VENV/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

# 2. A demo server on a fresh database, on a free port
port_free() { "$PY" -c 'import socket, sys; s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.close()' "$1" 2>/dev/null; }
if [ -n "${FUZZ_PORT:-}" ]; then
    PORT=$FUZZ_PORT
    port_free "$PORT" || { echo "port $PORT is taken; set FUZZ_PORT to a free one" >&2; exit 2; }
else
    PORT=8182
    port_free "$PORT" || PORT=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
BASE="http://127.0.0.1:$PORT"

WORK=$(mktemp -d /tmp/opora-fuzz.XXXXXX)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

(cd "$WORK" && exec "$BIN" demo --port "$PORT" >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
echo "Started opora demo (pid $SERVER_PID) in $WORK on $BASE"
answers() { "$PY" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=3)' "$BASE/api/v1/openapi.json" 2>/dev/null; }
for _ in $(seq 1 180); do
    answers && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "opora demo exited before it answered:" >&2; tail -n 30 "$WORK/server.log" >&2; exit 1
    fi
    sleep 1
done
answers || { echo "opora demo did not answer on $BASE within 180 s:" >&2; tail -n 30 "$WORK/server.log" >&2; exit 1; }

# 3. An API token, issued by the admin on /admin/tokens; and the identifiers that exist
TOKEN=$("$PY" "$HERE/token.py" "$BASE" --login "${FUZZ_TOKEN_LOGIN:-admin}" --owner "${FUZZ_TOKEN_OWNER:-admin}" --config "$WORK/schemathesis.toml")
[ -n "$TOKEN" ] || { echo "no API token" >&2; exit 1; }

# 4. Schemathesis
mkdir -p "$REPORT_DIR"
rm -f "$REPORT_DIR/junit.xml" "$REPORT_DIR/events.ndjson"
echo "Schemathesis $SCHEMATHESIS_VERSION, token of ${FUZZ_TOKEN_OWNER:-admin}: checks $CHECKS; phases $PHASES; mode $MODE; $EXAMPLES examples per operation; seed $SEED"
set +e
(cd "$WORK" && "$VENV/bin/schemathesis" --config-file "$WORK/schemathesis.toml" run "$BASE/api/v1/openapi.json" \
    --header "Authorization: Bearer $TOKEN" \
    --checks "$CHECKS" \
    --phases "$PHASES" \
    --mode "$MODE" \
    --max-examples "$EXAMPLES" \
    --seed "$SEED" \
    --workers "$WORKERS" \
    --continue-on-failure \
    ${FUZZ_MAX_FAILURES:+--max-failures "$FUZZ_MAX_FAILURES"} \
    --generation-database none \
    --request-timeout 20 \
    --suppress-health-check all \
    --warnings off \
    --no-color \
    --report junit,ndjson --report-junit-path "$REPORT_DIR/junit.xml" --report-ndjson-path "$REPORT_DIR/events.ndjson")
STATUS=$?
set -e

# 5. Summary
if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "opora demo died during the run:" >&2; tail -n 30 "$WORK/server.log" >&2; STATUS=1
elif grep -q -E '\[ (ERROR|CRITICAL) \]' "$WORK/server.log"; then
    echo "--- errors in the server log ---"
    grep -E '\[ (ERROR|CRITICAL) \]' "$WORK/server.log" | sort | uniq -c | sort -rn | head -n 20
fi
echo "api-fuzz: $(( $(date +%s) - START )) s in all; Schemathesis exit $STATUS; reports in $REPORT_DIR (junit.xml, events.ndjson)"
"$PY" "$HERE/summary.py" "$REPORT_DIR/junit.xml" || { [ "$STATUS" -ne 0 ] || STATUS=1; }
exit "$STATUS"
