#!/usr/bin/env bash
# Two Opora instances behind nginx on one PostgreSQL database: one is killed with SIGKILL while a
# signed-in user keeps saving measures; no acknowledged write may be lost and the session must
# keep working on the other instance.
#
# As root, from the repository root:
#   OPORA_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:55432/postgres ops-tests/multi-instance.sh
#
#   OPORA_BIN                 the opora executable (default .build/debug/opora; not built here)
#   OPORA_TEST_POSTGRES_URL   a PostgreSQL server; the test creates and drops a database of its own
#   MI_WORKERS (4)            concurrent writers, one measure each
#   MI_BEFORE (6), MI_AFTER (8)  seconds of writing before and after the kill
#   MI_KEEP=1                 keep the work directory (logs, nginx config) even when all passes
#
# nginx listens on 127.0.0.1:8280 and proxies to the instances on 127.0.0.1:8281 and :8282.
# No CLI command creates a municipality or a programme in PostgreSQL, so the data come from the
# app's own demo seeding (`opora demo`, SQLite), copied row by row into the migrated database;
# the test's methodist is added with `opora user add`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$(date +%s)

OPORA_BIN=${OPORA_BIN:-.build/debug/opora}
case $OPORA_BIN in /*) ;; *) OPORA_BIN=$ROOT/$OPORA_BIN ;; esac
: "${OPORA_TEST_POSTGRES_URL:?set OPORA_TEST_POSTGRES_URL to a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:55432/postgres}"
WORKERS=${MI_WORKERS:-4}
BEFORE=${MI_BEFORE:-6}
AFTER=${MI_AFTER:-8}
NGINX_PORT=8280
APP1_PORT=8281
APP2_PORT=8282
HELPER=(python3 "$ROOT/ops-tests/multi_instance.py")
LOGIN=mi-metodist
PASSWORD=mi-password-$RANDOM$RANDOM
FULL_NAME="Проверкина Анна Сергеевна (тест двух экземпляров)"

say() { printf '=== %s\n' "$*"; }
die() { printf 'multi-instance: %s\n' "$*" >&2; exit 2; }

[ "$(id -u)" = 0 ] || die "run as root (nginx is installed from Debian when missing)"
[ -x "$OPORA_BIN" ] || die "no opora executable at $OPORA_BIN (set OPORA_BIN)"
[ -d "$(dirname "$OPORA_BIN")/Opora_OporaDomain.resources" ] \
  || die "the resources bundle Opora_OporaDomain.resources is not next to $OPORA_BIN"

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null; }
}
command -v psql >/dev/null || apt_install postgresql-client
command -v curl >/dev/null || apt_install curl
NGINX=$(command -v nginx || true)
[ -n "$NGINX" ] || [ ! -x /usr/sbin/nginx ] || NGINX=/usr/sbin/nginx
if [ -z "$NGINX" ]; then
  say "installing nginx from Debian"
  # The package must not start the system nginx on port 80.
  made_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && made_policy=1
  fi
  apt_install nginx || { [ $made_policy = 0 ] || rm -f /usr/sbin/policy-rc.d; die "apt-get install nginx failed"; }
  [ $made_policy = 0 ] || rm -f /usr/sbin/policy-rc.d
  NGINX=/usr/sbin/nginx
fi

for port in $NGINX_PORT $APP1_PORT $APP2_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then die "port $port on 127.0.0.1 is in use"; fi
done

WORK=$(mktemp -d /tmp/opora-multi-instance.XXXXXX)
chmod 711 "$WORK"
DBNAME=opora_mi_$$_$RANDOM
DBURL=$("${HELPER[@]}" db-url "$OPORA_TEST_POSTGRES_URL" "$DBNAME")
PIDS=()
DB_CREATED=0
RESULT=1

cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [ $DB_CREATED = 1 ]; then
    psql "$OPORA_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DBNAME\" WITH (FORCE)" >/dev/null \
      && echo "dropped database $DBNAME" || echo "could not drop database $DBNAME" >&2
  fi
  if [ $RESULT = 0 ] && [ "${MI_KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "logs kept in $WORK"; fi
  echo "run time: $(( $(date +%s) - START ))s"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_http() { # URL PID SECONDS: until URL answers 200, while PID lives
  local url=$1 pid=$2 n=$(( $3 * 5 ))
  for _ in $(seq 1 "$n"); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.2
  done
  return 1
}

say "database $DBNAME on $(sed -E 's#//[^@]*@#//#' <<<"$OPORA_TEST_POSTGRES_URL")"
psql "$OPORA_TEST_POSTGRES_URL" -X -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DBNAME\"" >/dev/null
DB_CREATED=1
OPORA_DATABASE_URL=$DBURL "$OPORA_BIN" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; die "opora migrate failed"; }

say "demo data: opora demo (SQLite, in $WORK/demo), copied into PostgreSQL"
mkdir "$WORK/demo"
DEMO_PORT=$("${HELPER[@]}" free-port)
( cd "$WORK/demo" && exec "$OPORA_BIN" demo --hostname 127.0.0.1 --port "$DEMO_PORT" ) >"$WORK/demo/demo.log" 2>&1 &
DEMO_PID=$!
PIDS+=("$DEMO_PID")
wait_http "http://127.0.0.1:$DEMO_PORT/login" "$DEMO_PID" 300 || { cat "$WORK/demo/demo.log"; die "opora demo did not start"; }
grep -q '^Opora demo:' "$WORK/demo/demo.log" || die "opora demo printed no banner"
kill -TERM "$DEMO_PID"; wait "$DEMO_PID" 2>/dev/null || true
"${HELPER[@]}" seed "$WORK/demo/opora-demo.sqlite" "$DBURL"
OPORA_DATABASE_URL=$DBURL "$OPORA_BIN" user add --login "$LOGIN" --name "$FULL_NAME" --role methodist --password "$PASSWORD"

say "two instances on 127.0.0.1:$APP1_PORT and :$APP2_PORT"
OPORA_DATABASE_URL=$DBURL "$OPORA_BIN" serve --hostname 127.0.0.1 --port $APP1_PORT >"$WORK/app-$APP1_PORT.log" 2>&1 &
APP1_PID=$!
PIDS+=("$APP1_PID")
OPORA_DATABASE_URL=$DBURL "$OPORA_BIN" serve --hostname 127.0.0.1 --port $APP2_PORT >"$WORK/app-$APP2_PORT.log" 2>&1 &
APP2_PID=$!
PIDS+=("$APP2_PID")
wait_http "http://127.0.0.1:$APP1_PORT/login" "$APP1_PID" 120 || { cat "$WORK/app-$APP1_PORT.log"; die "instance $APP1_PORT did not start"; }
wait_http "http://127.0.0.1:$APP2_PORT/login" "$APP2_PID" 120 || { cat "$WORK/app-$APP2_PORT.log"; die "instance $APP2_PORT did not start"; }

say "nginx on 127.0.0.1:$NGINX_PORT ($WORK/nginx.conf)"
mkdir -p "$WORK/nginx-tmp"
chown nobody "$WORK/nginx-tmp"
cat >"$WORK/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
user nobody nogroup;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 512; }
http {
    log_format mi '\$msec\t\$http_x_mi_req\t\$request_method\t\$uri\t\$status\t\$upstream_addr\t\$upstream_status\t\$request_time';
    access_log $WORK/nginx-access.log mi;
    client_body_temp_path $WORK/nginx-tmp/body;
    proxy_temp_path $WORK/nginx-tmp/proxy;
    fastcgi_temp_path $WORK/nginx-tmp/fastcgi;
    uwsgi_temp_path $WORK/nginx-tmp/uwsgi;
    scgi_temp_path $WORK/nginx-tmp/scgi;
    client_max_body_size 25m;
    keepalive_timeout 120s;

    upstream opora {
        server 127.0.0.1:$APP1_PORT max_fails=1 fail_timeout=5s;
        server 127.0.0.1:$APP2_PORT max_fails=1 fail_timeout=5s;
    }
    server {
        listen 127.0.0.1:$NGINX_PORT;
        location / {
            proxy_pass http://opora;
            proxy_next_upstream error timeout http_502;
            proxy_next_upstream_tries 2;
            proxy_next_upstream_timeout 5s;
            proxy_connect_timeout 1s;
            proxy_send_timeout 30s;
            proxy_read_timeout 30s;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
        }
    }
}
EOF
"$NGINX" -t -q -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" || die "nginx -t failed"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -e "$WORK/nginx-error.log" &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
wait_http "http://127.0.0.1:$NGINX_PORT/login" "$NGINX_PID" 20 || { cat "$WORK/nginx-error.log"; die "nginx did not start"; }

say "writing through nginx: $WORKERS writers, ${BEFORE}s, SIGKILL of :$APP1_PORT, ${AFTER}s more"
set +e
"${HELPER[@]}" run --nginx 127.0.0.1:$NGINX_PORT --db "$DBURL" --login "$LOGIN" --password "$PASSWORD" \
  --full-name "$FULL_NAME" --kill-pid "$APP1_PID" --killed-addr 127.0.0.1:$APP1_PORT --alive-addr 127.0.0.1:$APP2_PORT \
  --nginx-log "$WORK/nginx-access.log" --workers "$WORKERS" --before "$BEFORE" --after "$AFTER" --report "$WORK/report.json"
RUN_RC=$?
set -e

# The killed instance must be gone (else the test killed nothing), the other must still run.
EXTRA_FAIL=0
if kill -0 "$APP1_PID" 2>/dev/null && ! grep -q '^zombie\|State:.*Z' "/proc/$APP1_PID/status" 2>/dev/null; then
  echo "  FAIL  the instance on :$APP1_PORT still runs (it was not killed)"; EXTRA_FAIL=1
fi
if ! kill -0 "$APP2_PID" 2>/dev/null; then echo "  FAIL  the instance on :$APP2_PORT died"; EXTRA_FAIL=1; fi
ERRORS1=$(grep -c '\[ ERROR \]' "$WORK/app-$APP1_PORT.log" || true)
ERRORS2=$(grep -c '\[ ERROR \]' "$WORK/app-$APP2_PORT.log" || true)
echo "app log ERROR lines: :$APP1_PORT $ERRORS1, :$APP2_PORT $ERRORS2"
echo "nginx upstream errors logged: $(grep -c 'upstream' "$WORK/nginx-error.log" || true)"

if [ $RUN_RC = 0 ] && [ $EXTRA_FAIL = 0 ]; then
  RESULT=0
  say "PASS"
else
  say "FAIL"
fi
exit $RESULT
