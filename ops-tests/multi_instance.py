#!/usr/bin/env python3
"""Helper of ops-tests/multi-instance.sh (standard library only).

  db-url URL NAME            prints URL with its database replaced by NAME
  free-port                  prints a free TCP port on 127.0.0.1
  seed SQLITE PGURL          copies every row of Opora's tables from a demo SQLite file into a
                             migrated PostgreSQL database (same migrations, so same tables)
  run ...                    logs in through nginx, writes measure updates, SIGKILLs one
                             instance, keeps writing, then checks the database exactly

PostgreSQL is reached with psql, so no driver is needed.
"""
import argparse
import datetime
import html.parser
import http.client
import io
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import uuid


# ---------------------------------------------------------------- psql

def psql(url, sql, stdin=None):
    """Runs SQL (or a script on stdin); returns rows as lists of strings (unaligned, \x1f-separated)."""
    cmd = ["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", "\x1f", "-R", "\x1e"]
    if sql is not None:
        cmd += ["-c", sql]
    else:
        cmd += ["-f", "-"]
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"psql failed ({p.returncode}): {p.stderr.strip()}")
    out = p.stdout
    if out.endswith("\n"):
        out = out[:-1]
    if not out:
        return []
    return [r.split("\x1f") for r in out.split("\x1e") if r != ""]


def db_url(url, name):
    u = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((u.scheme, u.netloc, "/" + name, u.query, u.fragment))


# ---------------------------------------------------------------- seed

def seed(sqlite_path, pg_url):
    """Copies the demo data the app's own `opora demo` wrote into SQLite over to PostgreSQL.

    Only the transport is ours: every row was made by Opora's seeding code. Types follow the
    PostgreSQL columns: Fluent stores UUIDs as text, dates as seconds since 1970 and booleans as
    integers in SQLite."""
    lite = sqlite3.connect(sqlite_path)
    lite_tables = {r[0] for r in lite.execute("select name from sqlite_master where type='table'")}
    cols = psql(pg_url, "select table_name, column_name, data_type from information_schema.columns "
                        "where table_schema = current_schema() order by table_name, ordinal_position")
    pg = {}
    for t, c, ty in cols:
        pg.setdefault(t, []).append((c, ty))
    skip = {"_fluent_migrations", "_fluent_sessions", "user_sessions", "server_keys"}
    script = io.StringIO()
    script.write("BEGIN;\nSET session_replication_role = replica;\n")
    expected = {}
    missing_in_pg = sorted(lite_tables - set(pg) - skip)
    if missing_in_pg:
        raise RuntimeError(f"tables in the demo SQLite file but not in PostgreSQL: {missing_in_pg}")
    for table in sorted(set(pg) & lite_tables - skip):
        lite_cols = [r[1] for r in lite.execute(f'pragma table_info("{table}")')]
        pg_cols = pg[table]
        extra = set(lite_cols) - {c for c, _ in pg_cols}
        if extra:
            raise RuntimeError(f"{table}: columns only in SQLite: {sorted(extra)}")
        use = [(c, ty) for c, ty in pg_cols if c in lite_cols]
        rows = lite.execute("select " + ", ".join(f'"{c}"' for c, _ in use) + f' from "{table}"').fetchall()
        expected[table] = len(rows)
        if not rows:
            continue
        script.write(f'COPY "{table}" (' + ", ".join(f'"{c}"' for c, _ in use) + ") FROM STDIN WITH (FORMAT csv);\n")
        # CSV by hand: every value quoted, NULL as an unquoted empty field.
        data = "".join(",".join("" if x is None else '"' + x.replace('"', '""') + '"'
                                for x in (convert(v, ty, table, c) for v, (c, ty) in zip(row, use))) + "\n"
                       for row in rows)
        if "\n\\.\n" in "\n" + data:
            raise RuntimeError(f"{table}: a value holds a line '\\.' that would end COPY")
        script.write(data)
        script.write("\\.\n")
    script.write("COMMIT;\n")
    psql(pg_url, None, stdin=script.getvalue())
    # Every row arrived.
    counts = {}
    for table in expected:
        counts[table] = int(psql(pg_url, f'select count(*) from "{table}"')[0][0])
    bad = {t: (expected[t], counts[t]) for t in expected if expected[t] != counts[t]}
    if bad:
        raise RuntimeError(f"row counts differ (sqlite, postgres): {bad}")
    print(f"seeded {sum(expected.values())} rows in {len([t for t in expected if expected[t]])} tables")


def convert(v, ty, table, col):
    if v is None:
        return None
    if ty == "uuid":
        if isinstance(v, bytes):
            return str(uuid.UUID(bytes=v))
        return str(uuid.UUID(str(v)))
    if ty.startswith("timestamp"):
        if isinstance(v, (int, float)):
            return datetime.datetime.fromtimestamp(v, datetime.timezone.utc).isoformat()
        return str(v)
    if ty == "date" and isinstance(v, (int, float)):
        return datetime.datetime.fromtimestamp(v, datetime.timezone.utc).date().isoformat()
    if ty == "boolean":
        if isinstance(v, str):
            return "t" if v.lower() in ("1", "t", "true") else "f"
        return "t" if v else "f"
    if ty == "bytea":
        if isinstance(v, str):
            v = v.encode()
        return "\\x" + v.hex()
    if isinstance(v, bytes):
        raise RuntimeError(f"{table}.{col}: bytes for a {ty} column")
    if isinstance(v, float) and ty in ("bigint", "integer", "smallint"):
        if v != int(v):
            raise RuntimeError(f"{table}.{col}: {v} for an integer column")
        return str(int(v))
    return str(v)


# ---------------------------------------------------------------- HTTP

class FormParser(html.parser.HTMLParser):
    """The forms of a page: action, enctype and the fields a browser would send."""

    def __init__(self):
        super().__init__()
        self.forms = []
        self._form = None
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._form = {"action": a.get("action"), "method": (a.get("method") or "get").lower(),
                          "enctype": a.get("enctype") or "application/x-www-form-urlencoded", "fields": [],
                          "files": []}
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            t = (a.get("type") or "text").lower()
            if t == "file":
                self._form["files"].append(a["name"])
            elif t in ("checkbox", "radio"):
                if "checked" in a:
                    self._form["fields"].append([a["name"], a.get("value", "on")])
            elif t not in ("submit", "button", "reset", "image"):
                self._form["fields"].append([a["name"], a.get("value") or ""])
        elif tag == "select" and a.get("name"):
            self._select = {"name": a["name"], "first": None, "selected": None}
        elif tag == "option" and self._select is not None:
            val = a.get("value", "")
            if self._select["first"] is None:
                self._select["first"] = val
            if "selected" in a:
                self._select["selected"] = val
        elif tag == "textarea" and a.get("name"):
            self._textarea = [a["name"], ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select" and self._select is not None and self._form is not None:
            s = self._select
            self._form["fields"].append([s["name"], s["selected"] if s["selected"] is not None else (s["first"] or "")])
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            v = self._textarea[1]
            if v.startswith("\n"):
                v = v[1:]
            self._form["fields"].append([self._textarea[0], v])
            self._textarea = None


def forms_of(body):
    p = FormParser()
    p.feed(body)
    return p.forms


def multipart(fields, files):
    boundary = "----OporaMultiInstance" + uuid.uuid4().hex
    out = io.BytesIO()
    for name, value in fields:
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n".encode())
        out.write(value.encode("utf-8"))
        out.write(b"\r\n")
    for name in files:  # an empty file input, as a browser sends it
        out.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"\"\r\n"
                  f"Content-Type: application/octet-stream\r\n\r\n\r\n".encode())
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


class Client:
    """One browser tab: keep-alive to nginx, the session cookie, a tag on every request."""

    def __init__(self, host, port, cookie=None, timeout=60):
        self.host, self.port, self.timeout = host, port, timeout
        self.cookie = cookie
        self.form = None  # the sign-in form's cookie (opora_form), before there is a session
        self.conn = None

    def request(self, method, path, body=None, ctype=None, tag=""):
        headers = {"User-Agent": "opora-multi-instance-test", "X-MI-Req": tag}
        pairs = ([f"opora_session={self.cookie}"] if self.cookie else []) + ([f"opora_form={self.form}"] if self.form else [])
        if pairs:
            headers["Cookie"] = "; ".join(pairs)
        if body is not None:
            headers["Content-Type"] = ctype
        for attempt in (1, 2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                self.conn.request(method, path, body=body, headers=headers)
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.conn.close()
                self.conn = None
                # A stale keep-alive connection: a GET is sent again on a new one, as a browser
                # would; a POST is not (it counts as failed, and the check accounts for it).
                if attempt == 2 or method != "GET":
                    raise
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                m = re.match(r"opora_session=([^;]*)", v)
                if m:
                    self.cookie = m.group(1)
                m = re.match(r"opora_form=([^;]*)", v)
                if m:
                    self.form = m.group(1)
        if r.getheader("Connection", "").lower() == "close":
            self.conn.close()
            self.conn = None
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data.decode("utf-8", "replace")


# ---------------------------------------------------------------- run

class Log:
    def __init__(self):
        self.lock = threading.Lock()
        self.t0 = time.time()

    def __call__(self, msg):
        with self.lock:
            print(f"[{time.time() - self.t0:7.2f}s] {msg}", flush=True)


def login(base_host, base_port, user, password, log):
    c = Client(base_host, base_port)
    st, _, body = c.request("GET", "/login", tag="login-get")
    if st != 200:
        raise RuntimeError(f"GET /login: {st}")
    form = next(f for f in forms_of(body) if f["action"] == "/login" and f["method"] == "post")
    fields = dict(form["fields"])
    fields["login"] = user
    fields["password"] = password
    st, h, body = c.request("POST", "/login", urllib.parse.urlencode(fields), "application/x-www-form-urlencoded",
                            tag="login-post")
    if st != 303 or "/login" in h.get("location", "/login"):
        raise RuntimeError(f"POST /login: {st} {h.get('location')}: {body[:300]}")
    log(f"logged in as {user} through nginx (cookie {c.cookie[:8]}…)")
    return c.cookie


class Worker(threading.Thread):
    """Writes one measure again and again, as a browser would: the measure's own form, multipart,
    `responsible` set to a new value each time; follows the redirect to the saved page."""

    def __init__(self, n, measure_id, host, port, cookie, run_id, stop, log, pause):
        super().__init__(daemon=True)
        self.n, self.measure_id, self.run_id = n, measure_id, run_id
        self.client = Client(host, port, cookie)
        self.stop, self.log, self.pause = stop, log, pause
        self.attempts = []  # dicts: seq, value, tag, t0, t1, status, outcome, detail
        self.reads = []     # dicts: tag, t0, t1, status, ok
        self.initial = None
        self.form = None

    def load_form(self):
        path = f"/measures/{self.measure_id}"
        st, _, body = self.client.request("GET", path, tag=f"w{self.n}-form")
        if st != 200:
            raise RuntimeError(f"GET {path}: {st}: {body[:300]}")
        forms = forms_of(body)
        form = next((f for f in forms if (f["action"] or "").lower() == path.lower() and f["method"] == "post"), None)
        if form is None:
            raise RuntimeError(f"GET {path}: no edit form; the page's forms post to {[f['action'] for f in forms]}")
        self.post_path = form["action"]
        if form["enctype"] != "multipart/form-data":
            raise RuntimeError(f"{path}: the measure form is {form['enctype']}, not multipart")
        names = [k for k, _ in form["fields"]]
        for need in ("_csrf", "status", "responsible"):
            if need not in names:
                raise RuntimeError(f"{path}: the form has no {need} field ({names})")
        self.form = form
        self.initial = dict(form["fields"])["responsible"]

    def run(self):
        path = self.post_path
        seq = 0
        while not self.stop.is_set():
            seq += 1
            value = f"mi-{self.run_id}-w{self.n}-{seq:05d}"
            fields = [[k, value if k == "responsible" else v] for k, v in self.form["fields"]]
            body, ctype = multipart(fields, self.form["files"])
            tag = f"w{self.n}-{seq}-post"
            a = {"seq": seq, "value": value, "tag": tag, "t0": time.time()}
            try:
                st, h, text = self.client.request("POST", path, body, ctype, tag=tag)
                a["status"] = st
                loc = h.get("location", "")
                # Saved: back to the measure's page, which says so once (a notice kept in the session).
                if st == 303 and loc.split("?")[0].lower() == path.lower():
                    a["outcome"] = "ack"
                elif st in (502, 503, 504):
                    a["outcome"] = "failed"      # nginx could not get an answer: may or may not be written
                elif st == 422:
                    a["outcome"] = "rejected"    # a validation error: nothing may be written
                    a["detail"] = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))[:300]
                else:
                    a["outcome"] = "error"       # 500, 403 …: an app defect, the write may or may not be in
                    a["detail"] = f"{loc} " + re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))[:300]
            except Exception as e:  # connection to nginx itself broke
                a["status"] = None
                a["outcome"] = "failed"
                a["detail"] = repr(e)
                self.client.conn = None
            a["t1"] = time.time()
            self.attempts.append(a)
            if a["outcome"] not in ("ack", "failed"):
                self.log(f"worker {self.n}: {tag} -> {a['status']} {a['outcome']}: {a.get('detail', '')}")
            elif a["outcome"] == "failed":
                self.log(f"worker {self.n}: {tag} -> {a['status']} (failed) {a.get('detail', '')}")
            if a["outcome"] == "ack":
                # The browser follows the redirect; a failed read is counted, it does not undo the write.
                r = {"tag": f"w{self.n}-{seq}-get", "t0": time.time()}
                try:
                    st, _, text = self.client.request("GET", h["location"], tag=r["tag"])
                    r["status"] = st
                    r["ok"] = st == 200 and value in text
                except Exception as e:
                    r["status"], r["ok"], r["detail"] = None, False, repr(e)
                    self.client.conn = None
                r["t1"] = time.time()
                self.reads.append(r)
                if not r["ok"]:
                    self.log(f"worker {self.n}: {r['tag']} -> {r['status']} (read of the saved page failed)")
            if self.pause:
                time.sleep(self.pause)


def parse_nginx_log(path):
    """Lines written by our log_format: msec, tag, method, uri, status, upstream_addr, upstream_status."""
    out = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 7:
                continue
            msec, tag, method, uri, status, up_addr, up_status = parts[:7]
            out.setdefault(tag, []).append({"msec": float(msec), "method": method, "uri": uri, "status": int(status),
                                            "upstream_addr": up_addr, "upstream_status": up_status})
    return out


def run(args):
    log = Log()
    host, port = args.nginx.split(":")
    port = int(port)
    checks = []  # (name, ok, detail)

    def check(name, ok, detail=""):
        checks.append((name, ok, detail))
        log(f"CHECK {'PASS' if ok else 'FAIL'}: {name}" + (f" — {detail}" if detail else ""))

    measures = psql(args.db, "select id, status from measures where school_id is null "
                             "and status in ('planned', 'inProgress') order by year, section_number, ordinal "
                             f"limit {args.workers}")
    if len(measures) < args.workers:
        raise RuntimeError(f"only {len(measures)} municipal measures that are planned or in progress")
    audit_before = int(psql(args.db, "select count(*) from audit_entries where action = 'measure.update'")[0][0])

    cookie = login(host, port, args.login, args.password, log)
    run_id = uuid.uuid4().hex[:6]
    stop = threading.Event()
    workers = [Worker(i + 1, m[0], host, port, cookie, run_id, stop, log, args.pause) for i, m in enumerate(measures)]
    for w in workers:
        w.load_form()
        log(f"worker {w.n}: measure {w.measure_id} ({dict(w.form['fields'])['status']}), responsible was {w.initial!r}")
    for w in workers:
        w.start()
    time.sleep(args.before)
    kill_at = time.time()
    os.kill(args.kill_pid, signal.SIGKILL)
    log(f"SIGKILL sent to the instance on {args.killed_addr} (pid {args.kill_pid})")
    time.sleep(args.after)
    stop.set()
    for w in workers:
        w.join(timeout=120)
        if w.is_alive():
            raise RuntimeError(f"worker {w.n} did not stop")
    end_at = time.time()
    log("writers stopped")

    # ---- the same session after the kill: signed-in pages through nginx
    c = Client(host, port, cookie)
    session_ok = True
    for i in range(4):
        st, _, body = c.request("GET", "/", tag=f"after-home-{i}")
        if not (st == 200 and args.full_name in body):
            session_ok = False
            log(f"GET / after the kill: {st}, user shown: {args.full_name in body}")
    st, _, body = c.request("GET", "/measures", tag="after-measures")
    session_ok = session_ok and st == 200 and args.full_name in body
    check("the session cookie made before the kill still signs in (GET / and /measures through nginx are 200 and show the user)",
          session_ok, f"cookie {cookie[:8]}…")

    time.sleep(0.5)  # nginx writes its log line after the response
    nginx = parse_nginx_log(args.nginx_log)

    # ---- every POST, by its outcome
    attempts = [a for w in workers for a in w.attempts]
    acked = [a for a in attempts if a["outcome"] == "ack"]
    failed = [a for a in attempts if a["outcome"] == "failed"]
    rejected = [a for a in attempts if a["outcome"] == "rejected"]
    errors = [a for a in attempts if a["outcome"] == "error"]
    before_kill = [a for a in attempts if a["t1"] < kill_at]
    after_kill = [a for a in attempts if a["t0"] > kill_at]
    log(f"POSTs: {len(attempts)} sent, {len(acked)} acknowledged (303), {len(failed)} failed (502/504/no answer), "
        f"{len(rejected)} refused (422), {len(errors)} other errors; {len(before_kill)} before the kill, "
        f"{len(after_kill)} after it")
    reads = [r for w in workers for r in w.reads]
    bad_reads = [r for r in reads if not r["ok"]]
    log(f"GETs of the saved page: {len(reads)}, failed {len(bad_reads)}")

    # Which instance answered what (nginx's log).
    def upstreams(a):
        return [e["upstream_addr"] for e in nginx.get(a["tag"], [])]
    served_by = {}
    for a in acked:
        for u in upstreams(a):
            last = u.split(", ")[-1]
            served_by.setdefault(last, {"before": 0, "after": 0})["before" if a["t1"] < kill_at else "after"] += 1
    retried = [a for a in attempts if any(", " in u for u in upstreams(a))]
    retried_reads = [r for r in reads if any(", " in e["upstream_addr"] for e in nginx.get(r["tag"], []))]
    log(f"acknowledged writes by instance: {json.dumps(served_by, sort_keys=True)}")
    log(f"requests nginx passed on to the other instance after an error: {len(retried)} POSTs, {len(retried_reads)} GETs")

    check("both instances acknowledged writes before the kill",
          all(served_by.get(a, {}).get("before", 0) > 0 for a in (args.killed_addr, args.alive_addr)),
          json.dumps(served_by, sort_keys=True))
    check("writes were acknowledged after the kill", len([a for a in acked if a["t0"] > kill_at]) > 0,
          f"{len([a for a in acked if a['t0'] > kill_at])} acknowledged after the kill")
    check("no write was refused or answered with an app error (422/500/403…)", not rejected and not errors,
          "; ".join(f"{a['tag']}: {a['status']} {a.get('detail', '')}" for a in rejected + errors)[:2000])
    check("every read of a saved page succeeded", not bad_reads,
          ", ".join(f"{r['tag']}: {r['status']}" for r in bad_reads))

    # A failure is allowed only where nginx could not retry: a POST already sent to the instance
    # when it died (nginx does not resend a non-idempotent request). Each must be one attempt on
    # the killed instance, answered 502, in flight at the kill.
    unexplained = []
    for a in failed:
        entries = nginx.get(a["tag"], [])
        explained = (len(entries) == 1 and entries[0]["status"] == 502
                     and entries[0]["upstream_addr"] == args.killed_addr
                     and a["t0"] <= kill_at + 0.5 and a["t1"] >= kill_at)
        if not explained:
            unexplained.append(f"{a['tag']}: client {a['status']} {a.get('detail', '')}, nginx {entries}, "
                               f"sent {a['t0'] - kill_at:+.3f}s after the kill")
    check("every failed request was in flight on the killed instance at the kill (nginx may not resend a POST)",
          not unexplained and len(failed) <= args.workers,
          f"{len(failed)} failed" + ("; " + "; ".join(unexplained) if unexplained else ""))

    # ---- the database, exactly: per measure, the audit chain of `responsible`
    lost, phantom, order_bad, chain_bad, final_bad, dup = [], [], [], [], [], []
    failed_written = 0
    for w in workers:
        rows = psql(args.db, "select before_json, after_json from audit_entries where action = 'measure.update' "
                             f"and entity_id = '{w.measure_id}' order by at, id")
        history = [(json.loads(b or "{}").get("Ответственные", ""), json.loads(a or "{}").get("Ответственные", ""))
                   for b, a in rows]
        written = [after for _, after in history]
        final = psql(args.db, f"select coalesce(responsible, '') from measures where id = '{w.measure_id}'")[0][0]
        by_value = {a["value"]: a for a in w.attempts}
        # acknowledged → written exactly once; refused → never; failed → at most once
        for a in w.attempts:
            n = written.count(a["value"])
            if n > 1:
                dup.append(f"{a['value']} ×{n}")
            if a["outcome"] == "ack" and n != 1:
                lost.append(f"{a['value']} ({a['tag']})")
            if a["outcome"] == "rejected" and n:
                phantom.append(f"refused {a['value']} is in the log")
            if a["outcome"] == "failed" and n:
                failed_written += 1
        for v in written:
            if v not in by_value:
                phantom.append(f"{v}: in the audit log of {w.measure_id} but never sent for it")
        seqs = [by_value[v]["seq"] for v in written if v in by_value]
        if seqs != sorted(seqs):
            order_bad.append(f"measure {w.measure_id}: written in order {seqs[:20]}…")
        prev = w.initial
        for b, a in history:
            if b != prev:
                chain_bad.append(f"measure {w.measure_id}: an entry's before {b!r} is not the previous after {prev!r}")
                break
            prev = a
        # The final value is the last write: the last acknowledged one, or a later one that failed
        # in flight but committed.
        last_ack = max((a for a in w.attempts if a["outcome"] == "ack"), key=lambda a: a["seq"], default=None)
        expect_ok = (final == (written[-1] if written else w.initial)
                     and (last_ack is None or by_value.get(final, {"seq": -1})["seq"] >= last_ack["seq"]))
        if not expect_ok:
            final_bad.append(f"measure {w.measure_id}: final {final!r}, last written {written[-1] if written else None!r}, "
                             f"last acknowledged {last_ack['value'] if last_ack else None!r}")
    audit_after = int(psql(args.db, "select count(*) from audit_entries where action = 'measure.update'")[0][0])
    new_entries = audit_after - audit_before
    check("every acknowledged write is in the database exactly once (audit log, by its unique value)",
          not lost and not dup, f"{len(acked)} acknowledged; lost: {lost[:20]}; duplicated: {dup[:20]}")
    check("nothing is in the database that was not sent, or was refused", not phantom, "; ".join(phantom[:20]))
    check("per measure, writes landed in the order they were sent and the audit chain is unbroken",
          not order_bad and not chain_bad, "; ".join(order_bad + chain_bad)[:2000])
    check("each measure's final `responsible` is its last write (never older than the last acknowledged)",
          not final_bad, "; ".join(final_bad))
    check("the audit log grew by exactly the writes found (acknowledged + failed-but-committed)",
          new_entries == len(acked) + failed_written,
          f"{new_entries} new entries = {len(acked)} acknowledged + {failed_written} failed-but-committed")

    # ---- report
    print("\n==== multi-instance summary ====")
    print(f"writes sent: {len(attempts)}; acknowledged: {len(acked)} "
          f"({len([a for a in acked if a['t1'] < kill_at])} before the kill, {len([a for a in acked if a['t0'] > kill_at])} after)")
    print(f"failed requests around the kill: {len(failed)} (of which committed anyway: {failed_written}); "
          f"refused: {len(rejected)}; app errors: {len(errors)}")
    print(f"nginx retried on the other instance: {len(retried)} POSTs, {len(retried_reads)} GETs")
    print(f"saved-page reads: {len(reads)}, failed {len(bad_reads)}")
    print(f"acknowledged writes by instance: {json.dumps(served_by, sort_keys=True)}")
    login_by = [e["upstream_addr"] for e in nginx.get("login-post", [])]
    print(f"the session was made by {login_by}; after the kill only {args.alive_addr} serves it")
    print(f"writing: {args.before:.0f}s before the kill, {end_at - kill_at:.1f}s after")
    failed_checks = [c for c in checks if not c[1]]
    print(f"checks: {len(checks) - len(failed_checks)}/{len(checks)} passed")
    for name, ok, detail in checks:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    if args.report:
        with open(args.report, "w", encoding="utf-8") as f:
            json.dump({"kill_at": kill_at, "attempts": attempts, "reads": reads,
                       "checks": [{"name": n, "ok": o, "detail": d} for n, o, d in checks]}, f, ensure_ascii=False, indent=1)
    return 0 if not failed_checks else 1


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("db-url"); p.add_argument("url"); p.add_argument("name")
    sub.add_parser("free-port")
    p = sub.add_parser("seed"); p.add_argument("sqlite"); p.add_argument("pg_url")
    p = sub.add_parser("run")
    p.add_argument("--nginx", required=True, help="host:port of nginx")
    p.add_argument("--db", required=True)
    p.add_argument("--login", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--full-name", required=True)
    p.add_argument("--kill-pid", type=int, required=True)
    p.add_argument("--killed-addr", required=True)
    p.add_argument("--alive-addr", required=True)
    p.add_argument("--nginx-log", required=True)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--before", type=float, default=6)
    p.add_argument("--after", type=float, default=8)
    p.add_argument("--pause", type=float, default=0)
    p.add_argument("--report")
    args = ap.parse_args()
    if args.cmd == "db-url":
        print(db_url(args.url, args.name))
    elif args.cmd == "free-port":
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
        s.close()
    elif args.cmd == "seed":
        seed(args.sqlite, args.pg_url)
    elif args.cmd == "run":
        sys.exit(run(args))


if __name__ == "__main__":
    main()
