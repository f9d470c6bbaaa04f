#!/usr/bin/env python3
"""Bounded web fuzz pass over a running-from-scratch Opora demo server (standard library only).

Called by ops-tests/web-fuzz.sh, which prepares the binary and the work directory:

  web_fuzz.py --bin OPORA --workdir DIR --port PORT --log FILE --pidfile FILE [--report FILE]

The helper starts `opora demo` itself (so it can restart it after a crash and carry on), then:

  1. crawl    for each role (admin, metodist, biritskaya, observer): sign in, follow same-origin
              links from the home page (bounded), collect GET query parameter names (links and
              GET forms) and POST forms
  2. GET fuzz every GET route (crawled, plus the known routes of routes.swift with path
              parameters filled from crawled links) with every query parameter it reads set to
              extreme values (all 13 by the first role that has the route; later roles, and
              page/year on routes that do not show them, send 4); path parameters are fuzzed too
  3. POST fuzz every POST form found (never /logout, /login, nor an account's disable or reset), with the session's correct
              _csrf: all fields at once with each value (every role), then field by field with
              the others left valid (once per route and kind of field)
  4. recheck  every crawled page once more per role, after the POSTs stored their junk
  5. login    successful sign-ins with hostile `next` values (the redirect must stay on the
              site), then each field of the sign-in form malformed (last: failed sign-ins lock
              the address out)

Every response must: have status < 500, arrive within FUZZ_MAX_SECONDS (1.0), leave the server
process alive, and carry no injected header (`Set-Cookie: x=1`, `pwn`). Exit status 1 when any
check failed, with every failure listed (grouped by route, parameter and problem).

Environment (all optional):
  FUZZ_MAX_SECONDS (1.0)        slowest acceptable response
  FUZZ_CRAWL_LIMIT (250)        pages crawled per role
  FUZZ_PER_TEMPLATE (3)         concrete URLs crawled per route template and query shape
  FUZZ_BUDGET_SECONDS (180)     wall-clock budget of the whole pass; cases left are reported
  FUZZ_MAX_RESTARTS (4)         server restarts after crashes before giving up
  FUZZ_STRICT_CLOSE (0)         1: a connection closed without any status on a request head over
                                60 KB (the 1,000,000-character values) fails the pass; by default
                                it is counted as a warning (not a 5xx, not a crash)
"""
import collections
import html.parser
import http.client
import json
import os
import re
import socket
import sys
import threading
import time
import urllib.parse
import uuid

from demo_server import DEMO_PASSWORD, arguments, csrf_of, launch, load_line, session_cookie

# A redirect may carry a huge Location (the address asked for is echoed as ?next=); read it whole
# instead of failing in the client, and report it as a warning.
http.client._MAXLINE = 16 * 1024 * 1024

MAX_SECONDS = float(os.environ.get("FUZZ_MAX_SECONDS", "1.0"))
CRAWL_LIMIT = int(os.environ.get("FUZZ_CRAWL_LIMIT", "250"))
PER_TEMPLATE = int(os.environ.get("FUZZ_PER_TEMPLATE", "3"))
BUDGET = float(os.environ.get("FUZZ_BUDGET_SECONDS", "180"))
MAX_RESTARTS = int(os.environ.get("FUZZ_MAX_RESTARTS", "4"))
STRICT_CLOSE = os.environ.get("FUZZ_STRICT_CLOSE", "0") == "1"
ROLES = ["admin", "metodist", "biritskaya", "observer", "region"]

UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
INT_RE = re.compile(r"^-?[0-9]+$")

# GET routes of routes.swift; {id} is a UUID, {n} a number, {kind} a word.
KNOWN_GET = [
    "/styles.css", "/login", "/public", "/public/practices/{id}", "/public/practice-files/{id}",
    "/", "/programme", "/plan", "/measures", "/measures/{id}", "/evidence/{id}", "/schools/{id}/plan",
    "/schools", "/schools/new", "/schools/{id}/edit", "/schools/{id}", "/schools/{id}/data",
    "/monitoring", "/methodology", "/people", "/people/catalogue", "/schools/{id}/people",
    "/teachers/{id}/plan", "/consultations", "/schools/{id}/support", "/schools/{id}/support.xlsx",
    "/schools/{id}/risks", "/decisions", "/admin/risk-factors", "/cycle", "/practices", "/practices/new",
    "/practices/{id}", "/practice-files/{id}", "/partnerships", "/partnerships/{id}/file", "/events",
    "/schools/{id}/resources", "/indicators", "/indicators/{n}/{n}", "/report", "/report.xlsx",
    "/imports", "/imports/templates/{kind}", "/audit", "/admin/tokens",
    "/region", "/region/monitoring", "/region/report", "/region/report.xlsx", "/region/imports",
]
# Query parameters the handlers read that links may not show (from the controllers).
HINT_PARAMS = {
    "/login": ["next"],
    "/public": ["programme"],
    "/measures": ["page", "q", "year", "status", "overdue", "section"],
    "/measures/{id}": ["saved"],
    "/monitoring": ["year", "category", "page"],
    "/practices": ["q", "direction", "factor", "school"],
    "/imports": ["message"],
    "/schools": ["message"],
    "/schools/{id}": ["year"],
    "/schools/{id}/data": ["year"],
    "/schools/{id}/risks": ["year"],
    "/schools/{id}/support": ["year"],
    "/report": ["year"],
    "/cycle": ["year"],
    "/people": ["year"],
    "/audit": ["page"],
    "/region": ["year", "sort"],
    "/region/monitoring": ["year", "municipality", "category", "page"],
    "/region/report": ["year"],
    "/region/report.xlsx": ["year"],
}
# Asked of every route: common names a handler might read without a link showing them.
UNIVERSAL_PARAMS = ["page", "year"]

BIG = "9" * 1_000_000
WORDS = " ".join("слово%d" % i for i in range(1100))
GET_VALUES = [
    ("-9223372036854775808", "int64 min"),
    ("9223372036854775808", "int64 max + 1"),
    ("1e99", "1e99"),
    ("-1", "-1"),
    ("0", "0"),
    ("NaN", "NaN"),
    ("inf", "inf"),
    (BIG, "1,000,000 chars"),
    ("\r\nSet-Cookie: x=1", "CRLF Set-Cookie"),
    ("/\r\npwn: 1", "CRLF pwn header"),
    ("\x00", "NUL"),
    ("\x1b", "ESC"),
    (WORDS, "1,100 words"),
]
# Later roles, and parameters a route does not read (page, year everywhere): a few values only.
GET_FEW = {"int64 min", "1e99", "NaN", "CRLF pwn header"}
# An {id} path segment is a UUID or a 404: a few values; {n} and {kind} get them all.
PATH_ID_VALUES = {"int64 min", "-1", "1,000,000 chars", "CRLF pwn header", "NUL", "1,100 words"}
POST_BIG = ("x" * 100_000, "100,000 chars")
POST_UNDER = ("y" * 60_000, "60,000 chars (under the 64 KB form limit)")
POST_MALFORMED = [
    ("1e99", "1e99"),
    ("-9223372036854775808", "int64 min"),
    ("inf", "inf"),
    ("31.02.2021", "31.02.2021"),
    ("2021-13-45", "2021-13-45"),
]
POST_VALUES = [POST_BIG, POST_UNDER] + POST_MALFORMED
POST_PER_FIELD = {"1e99", "int64 min", "2021-13-45"}
CHOICE_PER_FIELD = {"int64 min", "60,000 chars (under the 64 KB form limit)"}
# "All fields at once" for the roles after the first that has the form.
POST_FEW = {"100,000 chars", "1e99", "2021-13-45"}


def short(value, n=60):
    r = repr(value)
    return r if len(r) <= n else r[:n] + "…(%d chars)" % len(value)


# ---------------------------------------------------------------- HTML

class PageParser(html.parser.HTMLParser):
    """Links (a href) and forms with their fields, in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []
        self.form = None
        self.select = None
        self.textarea = None
        self.option = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v if v is not None else "") for k, v in attrs}
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        elif tag == "form":
            self.form = {"method": a.get("method", "get").lower(), "action": a.get("action", ""),
                         "enctype": a.get("enctype", "application/x-www-form-urlencoded").lower(), "fields": []}
            self.forms.append(self.form)
        elif self.form is None:
            return
        elif tag == "input":
            t = a.get("type", "text").lower()
            if "name" not in a or t in ("submit", "image", "reset", "button"):
                if t == "submit" and "name" in a:
                    self.form["fields"].append({"name": a["name"], "type": "submit", "value": a.get("value", ""), "on": True})
                return
            on = True
            if t in ("checkbox", "radio"):
                on = "checked" in a
            self.form["fields"].append({"name": a["name"], "type": t, "value": a.get("value", "on" if t == "checkbox" else ""), "on": on})
        elif tag == "textarea" and "name" in a:
            self.textarea = {"name": a["name"], "type": "textarea", "value": "", "on": True}
            self.form["fields"].append(self.textarea)
        elif tag == "select" and "name" in a:
            self.select = {"name": a["name"], "type": "select", "value": None, "first": None, "on": True,
                           "multiple": "multiple" in a}
            self.form["fields"].append(self.select)
        elif tag == "option" and self.select is not None:
            self.option = {"value": a.get("value"), "selected": "selected" in a, "text": ""}
            self._close_option_if_valued()
        elif tag == "button" and "name" in a and a.get("type", "submit").lower() == "submit":
            self.form["fields"].append({"name": a["name"], "type": "submit", "value": a.get("value", ""), "on": True})

    def _close_option_if_valued(self):
        o = self.option
        if o is None or o["value"] is None:
            return
        self._take_option(o["value"], o["selected"])
        self.option = None

    def _take_option(self, value, selected):
        s = self.select
        if s["first"] is None:
            s["first"] = value
        if selected and (s["value"] is None or not s["multiple"]):
            s["value"] = value

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea["value"] += data
        if self.option is not None:
            self.option["text"] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "option" and self.option is not None:
            self._take_option(self.option["text"].strip(), self.option["selected"])
            self.option = None
        elif tag == "select" and self.select is not None:
            if self.select["value"] is None:
                self.select["value"] = self.select["first"] or ""
            self.select = None


def parse_page(body):
    p = PageParser()
    try:
        p.feed(body.decode("utf-8", "replace"))
        p.close()
    except Exception:  # a broken page is reported by its status checks, not here
        pass
    for f in p.forms:
        for fld in f["fields"]:
            if fld["type"] == "select" and fld["value"] is None:
                fld["value"] = fld.get("first") or ""
        # Radios: the checked one, else the first of the group (what a user would most likely send).
        groups = collections.OrderedDict()
        for fld in f["fields"]:
            if fld["type"] == "radio":
                groups.setdefault(fld["name"], []).append(fld)
        for items in groups.values():
            if not any(x["on"] for x in items):
                items[0]["on"] = True
        # One submit button: the first named one.
        seen_submit = False
        for fld in f["fields"]:
            if fld["type"] == "submit":
                fld["on"] = not seen_submit
                seen_submit = True
    return p.links, p.forms


def template_of(path):
    """/schools/<uuid>/data -> /schools/{id}/data; numbers -> {n}."""
    segs = path.split("/")
    out = []
    for s in segs:
        if UUID_RE.match(s):
            out.append("{id}")
        elif INT_RE.match(s) and s:
            out.append("{n}")
        else:
            out.append(s)
    t = "/".join(out)
    if t.startswith("/imports/templates/"):
        t = "/imports/templates/{kind}"
    return t or "/"


# ---------------------------------------------------------------- results

class Results:
    def __init__(self, server):
        self.server = server
        self.sent = 0
        self.by_status = collections.Counter()
        self.failures = []
        self.warnings = []
        self.timings = []  # (seconds, method, url-label)
        self.not_run = collections.Counter()
        self.closed_big = 0

    def fail(self, kind, phase, method, template, param, value_label, detail, url=None):
        self.failures.append({"kind": kind, "phase": phase, "method": method, "template": template, "param": param,
                              "value": value_label, "detail": detail, "url": url})

    def warn(self, text):
        self.warnings.append(text)


# ---------------------------------------------------------------- HTTP

class Reply:
    def __init__(self, status, headers, body, seconds, error=None, sent_all=True):
        self.status, self.headers, self.body, self.seconds, self.error, self.sent_all = status, headers, body, seconds, error, sent_all

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None


def socket_request(port, method, path, headers=(), timeout=60):
    """A request with a huge head, on a raw socket read by a second thread while it is written:
    a server that answers (414, 431, 400) and closes before reading it all is still heard."""
    t0 = time.monotonic()
    buf = bytearray()
    state = {"eof": False, "error": None, "sent_all": True}
    done = threading.Event()
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    except OSError as e:
        return Reply(None, [], b"", time.monotonic() - t0, error="%s: %s" % (type(e).__name__, e))

    def complete():
        head, sep, rest = bytes(buf).partition(b"\r\n\r\n")
        if not sep:
            return False
        m = re.search(rb"\r\ncontent-length:\s*(\d+)", head, re.I)
        return m is not None and len(rest) >= int(m.group(1))

    def reader():
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    state["eof"] = True
                    break
                buf.extend(chunk)
                if complete():
                    break
        except OSError as e:
            state["error"] = "%s: %s" % (type(e).__name__, e)
        finally:
            done.set()

    th = threading.Thread(target=reader, daemon=True)
    th.start()
    head = "%s %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % (method, path, port) + "".join("%s: %s\r\n" % kv for kv in headers) \
        + "Connection: close\r\n\r\n"
    try:
        s.sendall(head.encode("latin-1"))
    except OSError as e:
        state["sent_all"] = False
        state["error"] = "%s while sending" % type(e).__name__
    done.wait(timeout)
    seconds = time.monotonic() - t0
    try:
        s.close()
    except OSError:
        pass
    th.join(1)
    data = bytes(buf)
    head, sep, rest = data.partition(b"\r\n\r\n")
    m = re.match(rb"HTTP/1\.[01] (\d{3})", head)
    if not m:
        what = "connection closed without an HTTP status" if state["eof"] else (state["error"] or "no answer in %d s" % timeout)
        return Reply(None, [], b"", seconds, error=what, sent_all=state["sent_all"])
    hdrs = []
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.decode("latin-1").partition(":")
        hdrs.append((k.strip(), v.strip()))
    return Reply(int(m.group(1)), hdrs, rest, seconds, sent_all=state["sent_all"])


def raw_request(port, method, path, body=None, headers=(), timeout=60):
    if len(path) > 60000 and body is None:
        return socket_request(port, method, path, headers, timeout)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    t0 = time.monotonic()
    sent_all = True
    try:
        conn.putrequest(method, path, skip_host=False, skip_accept_encoding=True)
        for k, v in headers:
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders()
        if body:
            try:
                view = memoryview(body)
                for i in range(0, len(body), 65536):
                    conn.send(view[i:i + 65536])
            except (BrokenPipeError, ConnectionResetError):
                sent_all = False
        try:
            resp = conn.getresponse()
            data = resp.read()
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError, http.client.IncompleteRead) as e:
            return Reply(None, [], b"", time.monotonic() - t0, error="%s: %s" % (type(e).__name__, e), sent_all=sent_all)
        return Reply(resp.status, resp.getheaders(), data, time.monotonic() - t0, sent_all=sent_all)
    except socket.timeout:
        return Reply(None, [], b"", time.monotonic() - t0, error="timed out after %d s" % timeout, sent_all=sent_all)
    except (OSError, http.client.HTTPException) as e:
        return Reply(None, [], b"", time.monotonic() - t0, error="%s: %s" % (type(e).__name__, e), sent_all=sent_all)
    finally:
        conn.close()


class Client:
    """One signed-in user: its session cookie and the session's CSRF token."""

    def __init__(self, fuzz, login):
        self.fuzz = fuzz
        self.login = login
        self.cookie = None
        self.csrf = None

    def request(self, method, path, body=None, content_type=None, record=True, phase="", template="", param="",
                value_label="", retry_login=True):
        headers = []
        if self.cookie:
            headers.append(("Cookie", self.cookie))
        if content_type:
            headers.append(("Content-Type", content_type))
        reply = self.fuzz.send(method, path, body, headers, phase, template, param, value_label, record)
        self.cookie = session_cookie(reply.headers, self.cookie)
        if retry_login and self.login and reply.status in (303, 302, 401) and (reply.header("Location") or "/login").startswith("/login") \
                and not path.startswith("/login"):
            # The session is gone (a restart, or something logged us out): sign in again, once.
            self.fuzz.res.warn("%s: session lost at %s %s (status %s); signed in again" % (self.login, method, path[:120], reply.status))
            self.sign_in()
            return self.request(method, path, body, content_type, record, phase, template, param, value_label, retry_login=False)
        return reply

    def sign_in(self):
        if not self.fuzz.server.alive():
            self.fuzz.recover("sign-in of %s" % self.login)
        self.cookie = None
        r = self.request("GET", "/login", phase="sign-in", template="/login", retry_login=False)
        token = csrf_of(r.body)
        if token is None:
            raise SystemExit("web-fuzz: no _csrf on /login (status %s)" % r.status)
        body = urllib.parse.urlencode({"login": self.login, "password": DEMO_PASSWORD, "_csrf": token}).encode()
        r = self.request("POST", "/login", body, "application/x-www-form-urlencoded", phase="sign-in", template="/login",
                         retry_login=False)
        if r.status not in (302, 303) or (r.header("Location") or "").startswith("/login"):
            raise SystemExit("web-fuzz: sign-in as %s failed: status %s %s" % (self.login, r.status, r.body[:300]))
        r = self.request("GET", "/", phase="sign-in", template="/", retry_login=False)
        self.csrf = csrf_of(r.body)


# ---------------------------------------------------------------- the pass

class Fuzz:
    def __init__(self, server, report_path):
        self.server = server
        self.res = Results(server)
        self.report_path = report_path
        self.t0 = time.monotonic()
        self.crashes = 0
        self.gave_up = False

    def left(self):
        return BUDGET - (time.monotonic() - self.t0)

    def recover(self, what):
        if self.server.restarts >= MAX_RESTARTS:
            self.gave_up = True
            raise GiveUp()
        self.res.warn("server restarted after it died (%s)" % what)
        self.server.restart()
        raise Restarted()

    def send(self, method, path, body, headers, phase, template, param, value_label, record=True):
        offset = self.server.log_size()
        cpu0 = self.server.cpu()
        reply = raw_request(self.server.port, method, path, body, headers)
        if reply.status is None:
            # A dying process closes its sockets before it can be reaped: give it a moment, so
            # the request that killed it is the one blamed.
            if "Refused" in (reply.error or ""):
                self.server.wait_exit(10)
            else:
                self.server.wait_exit(0.3 if len(path) > 60000 else 3)
        cpu = self.server.cpu() - cpu0 if cpu0 is not None and self.server.alive() else None
        self.res.sent += 1
        self.res.by_status[reply.status if reply.status is not None else "no reply"] += 1
        label = "%s %s" % (method, path if len(path) <= 100 else path[:100] + "…(%d chars)" % len(path))
        if param:
            label += "  [%s=%s]" % (param, value_label)
        self.res.timings.append((reply.seconds, label))
        alive = self.server.alive()
        problems = []
        if reply.status is None:
            if len(path) > 60000 and alive:
                # NIO's parser stops at 80 KB of head and closes without a status: a refusal, not a
                # 5xx or a crash; listed as a warning (FUZZ_STRICT_CLOSE=1 makes it a failure).
                if STRICT_CLOSE:
                    problems.append(("closed, no status", "request head of %d bytes: %s" % (len(path), reply.error)))
                else:
                    self.res.closed_big += 1
            elif reply.sent_all or not body:
                problems.append(("no response", reply.error))
            # Closing while a too-large body is still arriving is a refusal, not a failure.
        elif reply.status >= 500:
            problems.append(("status %d" % reply.status, (reply.body[:200].decode("utf-8", "replace")).strip()))
        if reply.seconds > MAX_SECONDS:
            problems.append(("slow", "%.2f s (limit %.2f s; server CPU %s)" % (
                reply.seconds, MAX_SECONDS, "?" if cpu is None else "%.2f s" % cpu)))
        for k, v in reply.headers:
            if k.lower() == "pwn" or (k.lower() == "set-cookie" and v.strip().startswith("x=")) \
                    or any(c in v for c in "\r\n\x00"):
                problems.append(("header injection", "%s: %s" % (k, v[:120])))
        for k, v in reply.headers:
            if len(k) + len(v) > 16384:
                self.res.warn("%s: response header %s is %d bytes (proxies refuse headers this large)" % (label[:160], k, len(v)))
        if not alive:
            problems.append(("SERVER DIED", "exit status %s" % self.server.proc.returncode))
        if problems:
            log = self.server.log_since(offset)
            for kind, detail in problems:
                self.res.fail(kind, phase, method, template, param, value_label,
                              detail + ("" if not log else " | log: " + " / ".join(log)), url=label)
        if not alive:
            self.crashes += 1
            self.recover(label)
        return reply


class Restarted(Exception):
    pass


class GiveUp(Exception):
    pass


def same_origin_path(href, base_path):
    if not href or href.startswith(("#", "mailto:", "tel:", "javascript:")):
        return None
    u = urllib.parse.urlsplit(urllib.parse.urljoin("http://h" + base_path, href))
    if u.netloc != "h" or u.scheme != "http":
        return None
    return u.path + ("?" + u.query if u.query else "")


class RoleData:
    def __init__(self):
        self.urls = []                          # crawled concrete URLs (path?query)
        self.params = collections.defaultdict(set)   # template -> query names (links and GET forms)
        self.samples = collections.defaultdict(list)  # template -> concrete URLs
        self.forms = []                         # (page, form)


def crawl(fz, client, data, limit, deadline):
    queue = collections.deque(["/"])
    seen = {"/"}
    shapes = collections.Counter()
    while queue and len(data.urls) < limit:
        if time.monotonic() > deadline:
            fz.res.not_run["crawl of %s (budget)" % client.login] += len(queue)
            break
        url = queue.popleft()
        path = url.split("?", 1)[0]
        tmpl = template_of(path)
        r = client.request("GET", url, phase="crawl", template=tmpl)
        data.urls.append(url)
        data.samples[tmpl].append(url)
        q = urllib.parse.parse_qsl(url.split("?", 1)[1], keep_blank_values=True) if "?" in url else []
        for k, _ in q:
            data.params[tmpl].add(k)
        ctype = (r.header("Content-Type") or "")
        if r.status != 200 or "text/html" not in ctype:
            continue
        links, forms = parse_page(r.body)
        for f in forms:
            action = same_origin_path(f["action"] or url, path)
            if action is None:
                continue
            f["action"] = action
            if f["method"] == "get":
                at = template_of(action.split("?", 1)[0])
                for fld in f["fields"]:
                    if fld["type"] != "submit":
                        data.params[at].add(fld["name"])
            elif f["method"] == "post":
                data.forms.append((url, f))
        for href in links:
            p = same_origin_path(href, path)
            if p is None or p in seen:
                continue
            pp = p.split("?", 1)[0]
            if pp == "/logout" or pp.startswith("/api/"):
                continue
            t = template_of(pp)
            qk = tuple(sorted(k for k, _ in urllib.parse.parse_qsl(p.split("?", 1)[1], keep_blank_values=True))) if "?" in p else ()
            for k in qk:
                data.params[t].add(k)
            seen.add(p)
            if shapes[(t, qk)] >= PER_TEMPLATE:
                continue
            shapes[(t, qk)] += 1
            queue.append(p)


def fill_template(tmpl, samples):
    """A concrete URL for a known template: a crawled one, else ids taken from crawled links."""
    if samples.get(tmpl):
        return min(samples[tmpl], key=lambda u: (u.count("?"), len(u)))
    if tmpl == "/imports/templates/{kind}":
        return "/imports/templates/measures"
    # Look for a crawled path sharing the segments before the parameter: /schools/<id>/... gives the id.
    segs = tmpl.split("/")
    out = []
    for i, s in enumerate(segs):
        if s in ("{id}", "{n}"):
            prefix = "/".join(segs[:i])
            found = None
            for t, urls in samples.items():
                ts = t.split("/")
                if "/".join(ts[:i]) == prefix and len(ts) > i and ts[i] == s:
                    found = urls[0].split("?", 1)[0].split("/")[i]
                    break
            out.append(found or (str(uuid.uuid4()) if s == "{id}" else "1"))
        else:
            out.append(s)
    return "/".join(out)


def with_param(url, name, value):
    path, _, query = url.partition("?")
    q = [(k, v) for k, v in urllib.parse.parse_qsl(query, keep_blank_values=True) if k != name]
    q.append((name, value))
    return path + "?" + urllib.parse.urlencode(q, quote_via=urllib.parse.quote)


def get_cases(role, data, all_samples, all_params, done):
    """(key, url, template, param, value label) of every GET fuzz case of this role not done yet.
    The first role that has a route sends every value for every parameter the route reads (seen in
    links, GET forms, or the controllers); later roles and the parameters asked of every route
    (page, year) send a few. Path parameters are fuzzed once."""
    cases = []
    templates = list(dict.fromkeys(list(data.samples.keys()) + KNOWN_GET))
    for tmpl in templates:
        if tmpl in ("/login",):  # signed in, /login only redirects; the sign-in pass covers it
            continue
        if not data.samples.get(tmpl) and tmpl not in KNOWN_GET:
            continue
        url = fill_template(tmpl, data.samples if data.samples.get(tmpl) else all_samples)
        specific = set(all_params.get(tmpl, set())) | set(HINT_PARAMS.get(tmpl, []))
        for p in sorted(specific | set(UNIVERSAL_PARAMS)):
            for value, label in GET_VALUES:
                full_key = ("get", tmpl, p, label)
                first = ("get-route", tmpl, p) not in done
                if p in specific and first:
                    key = full_key  # first role with this route and parameter: every value
                elif label in GET_FEW and (p in specific or first):
                    key = ("get", role, tmpl, p, label)  # a few values: later roles, page/year anywhere
                else:
                    continue
                if key in done:
                    continue
                cases.append((key, with_param(url, p, value), tmpl, p, label))
        # Path parameters themselves: once (first role that has the route).
        segs = url.split("?", 1)[0].split("/")
        tsegs = tmpl.split("/")
        for i, s in enumerate(tsegs):
            if s not in ("{id}", "{n}", "{kind}"):
                continue
            for value, label in GET_VALUES:
                if s == "{id}" and label not in PATH_ID_VALUES:
                    continue
                key = ("path", tmpl, i, label)
                if key in done:
                    continue
                new = list(segs)
                new[i] = urllib.parse.quote(value, safe="")
                cases.append((key, "/".join(new), tmpl, "path segment %d (%s)" % (i, s), label))
    return cases


def mark_get_routes(done, cases):
    """After a role: its routes and parameters have had every value; later roles send a few."""
    for key, url, tmpl, param, label in cases:
        if key[0] == "get":
            done.add(("get-route", tmpl, param))


def run_get_fuzz(fz, role, client, data, all_samples, all_params, done, deadline):
    cases = get_cases(role, data, all_samples, all_params, done)
    try:
        for n, (key, url, tmpl, param, label) in enumerate(cases):
            if time.monotonic() > deadline or fz.left() < 0:
                fz.res.not_run["GET fuzz as %s (budget)" % role] += len(cases) - n
                return
            done.add(key)
            client.request("GET", url, phase="GET fuzz as %s" % role, template=tmpl, param=param, value_label=label)
    finally:
        mark_get_routes(done, cases)


def form_fields(form):
    return [f for f in form["fields"] if f["on"] and f["name"] != "_csrf"]


def encode_form(form, csrf, override=None, override_all=None):
    """Body and content type of the form as a browser would send it, with fields replaced."""
    pairs = [("_csrf", csrf or "")]
    files = []
    for i, f in enumerate(form_fields(form)):
        v = f["value"] if f["value"] is not None else ""
        if override_all is not None and f["type"] != "submit":
            v = override_all
        if override is not None and override[0] == i:
            v = override[1]
        if f["type"] == "file":
            files.append((f["name"], v if (override and override[0] == i) or override_all is not None else "fuzz.txt"))
        else:
            pairs.append((f["name"], v))
    if form["enctype"].startswith("multipart/") or files:
        boundary = "----opora-fuzz-%s" % uuid.uuid4().hex
        parts = []
        for k, v in pairs:
            parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n" % (boundary, k)).encode() + v.encode("utf-8", "surrogatepass") + b"\r\n")
        for k, name in files:
            safe = name.replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")
            parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\nContent-Type: text/plain\r\n\r\n"
                          % (boundary, k, safe)).encode("utf-8", "surrogatepass") + b"fuzz;1;2\r\n\r\n")
        return b"".join(parts) + ("--%s--\r\n" % boundary).encode(), "multipart/form-data; boundary=%s" % boundary
    return urllib.parse.urlencode(pairs).encode(), "application/x-www-form-urlencoded"


def form_key(form):
    action = form["action"].split("?", 1)[0]
    return (template_of(action), tuple(sorted(set(f["name"] for f in form_fields(form)))))


def family(name):
    """key_0, key_1 … -> key_N: indexed fields of one kind are fuzzed once."""
    return re.sub(r"_\d+$", "_N", re.sub(r"\[\d+\]$", "[N]", name))


def post_cases(role, data, done):
    cases = []
    seen = set()
    for page, f in data.forms:
        action = f["action"].split("?", 1)[0]
        if action in ("/logout", "/login"):
            continue
        # Disabling an account or resetting its password ends that user's sessions, the crawl's own
        # among them; both are tried with refused values by the tests (AccountTests), not here.
        if re.match(r"^/admin/users/[^/]+/(disable|reset)$", action):
            continue
        k = form_key(f)
        if k in seen:
            continue
        seen.add(k)
        tmpl = k[0]
        fields = form_fields(f)
        multipart = f["enctype"].startswith("multipart/")
        first_role = ("post-form", k) not in done
        # All fields at once: every role (what a role may do differs); later roles a few values.
        for value, label in POST_VALUES:
            key = ("post-all", role, k, label)
            if key not in done and (first_role or label in POST_FEW):
                cases.append((key, f, None, value, tmpl, "all fields", label))
        # Field by field (the others valid, so the handler gets past validation), once per route and
        # kind of field (note_0 … note_10 are one kind). To stay within the budget, "inf" and
        # "31.02.2021" go in "all fields" only (the app collects every field's error, so each field
        # still parses them). A 100,000-character url-encoded form is refused by its length
        # whatever the field, which "all fields" shows; multipart forms (21 MB limit) get it field
        # by field.
        per_field = [v for v in POST_MALFORMED if v[1] in POST_PER_FIELD] + [POST_UNDER] + ([POST_BIG] if multipart else [])
        for i, fld in enumerate(fields):
            if fld["type"] == "submit":
                continue
            choice = fld["type"] in ("select", "checkbox", "radio")
            for value, label in per_field:
                if choice and label not in CHOICE_PER_FIELD:
                    continue  # a list's value is one of its options or refused: two values are enough
                key = ("post", tmpl, family(fld["name"]), label)
                if key not in done and key not in seen:
                    seen.add(key)
                    cases.append((key, f, i, value, tmpl, fld["name"], label))
    return cases


def run_post_fuzz(fz, role, client, data, done, deadline):
    cases = post_cases(role, data, done)
    try:
        for n, (key, f, idx, value, tmpl, param, label) in enumerate(cases):
            if time.monotonic() > deadline or fz.left() < 0:
                fz.res.not_run["POST fuzz as %s (budget)" % role] += len(cases) - n
                return
            done.add(key)
            if idx is None:
                body, ctype = encode_form(f, client.csrf, override_all=value)
            else:
                body, ctype = encode_form(f, client.csrf, override=(idx, value))
            client.request("POST", f["action"], body, ctype, phase="POST fuzz as %s" % role, template=tmpl, param=param,
                           value_label=label)
    finally:
        for c in cases:
            done.add(("post-form", form_key(c[1])))


def run_recheck(fz, role, client, data, deadline):
    for n, url in enumerate(data.urls):
        if time.monotonic() > deadline or fz.left() < 0:
            fz.res.not_run["recheck of %s (budget)" % role] += len(data.urls) - n
            return
        client.request("GET", url, phase="recheck after POSTs as %s" % role, template=template_of(url.split("?", 1)[0]))


NEXT_VALUES = [
    ("/\r\nSet-Cookie: x=1", "CRLF Set-Cookie"),
    ("/\r\npwn: 1", "CRLF pwn header"),
    ("/%0d%0apwn:%201", "encoded CRLF"),
    ("//evil.example/", "protocol-relative URL"),
    ("/\\evil.example", "backslash"),
    ("https://evil.example/", "absolute URL"),
    ("\x00", "NUL"),
    ("/" + "9" * 5000, "5,000 chars"),
]


def run_login_fuzz(fz):
    """The sign-in form, signed out. First successful sign-ins with hostile `next` values (the
    redirect must stay on this site, without injected headers), then each field malformed with a
    wrong password. Last of all, as failed sign-ins lock the address out."""
    for value, label in NEXT_VALUES:
        c = Client(fz, None)
        r = c.request("GET", with_param("/login", "next", value), phase="sign-in with next", template="/login",
                      param="next", value_label=label)
        token = csrf_of(r.body) or ""
        body = urllib.parse.urlencode({"login": "kumareyskaya", "password": DEMO_PASSWORD, "_csrf": token, "next": value}).encode()
        r = c.request("POST", "/login", body, "application/x-www-form-urlencoded", phase="sign-in with next",
                      template="/login", param="next", value_label=label)
        loc = r.header("Location")
        if r.status not in (302, 303) or loc is None:
            fz.res.fail("sign-in failed", "sign-in with next", "POST", "/login", "next", label,
                        "status %s (expected a redirect after a good password)" % r.status, url="POST /login  [next=%s]" % label)
        elif not loc.startswith("/") or loc.startswith("//") or loc.startswith("/\\"):
            fz.res.fail("open redirect", "sign-in with next", "POST", "/login", "next", label,
                        "Location: %s" % loc[:200], url="POST /login  [next=%s]" % label)
    anon = Client(fz, None)
    for value, label in GET_VALUES:
        anon.request("GET", with_param("/login", "next", value), phase="sign-in page", template="/login", param="next", value_label=label)
    r = anon.request("GET", "/login", phase="sign-in page", template="/login")
    token = csrf_of(r.body) or ""
    for field in ("login", "password", "next"):
        for value, label in POST_VALUES + [("/\r\npwn: 1", "CRLF pwn header"), ("\x00", "NUL")]:
            fields = {"login": "nobody-fuzz", "password": "wrong", "next": "/", "_csrf": token}
            fields[field] = value
            anon.request("POST", "/login", urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded",
                         phase="sign-in form", template="/login", param=field, value_label=label)


def summarize(fz):
    res = fz.res
    took = time.monotonic() - fz.t0
    print()
    print("=== web fuzz summary")
    print("requests sent: %d in %.0f s; server restarts after crashes: %d" % (res.sent, took, fz.server.restarts))
    print(load_line("  (busy machine: the response times, and any 'slow' failure, are inflated)"))
    print("by status: " + ", ".join("%s: %d" % (k, v) for k, v in sorted(res.by_status.items(), key=lambda kv: str(kv[0]))))
    print("slowest 5:")
    for s, label in sorted(res.timings, key=lambda t: -t[0])[:5]:
        print("  %6.3f s  %s" % (s, label))
    if res.closed_big:
        print("warning: %d requests with a head over 60 KB (1,000,000-character values) were answered by closing "
              "the connection without any HTTP status (no 414/431/400); FUZZ_STRICT_CLOSE=1 fails on this" % res.closed_big)
    if res.not_run:
        print("NOT RUN (caps and budget, not failures):")
        for k, v in res.not_run.items():
            print("  %5d  %s" % (v, k))
    if res.warnings:
        counts = collections.Counter(res.warnings)
        print("warnings (%d):" % len(res.warnings))
        for w, c in list(counts.items())[:30]:
            print("  %s%s" % (w[:300], "" if c == 1 else "  (x%d)" % c))
        if len(counts) > 30:
            print("  … %d more distinct warnings in the report file" % (len(counts) - 30))
    if res.failures:
        groups = collections.OrderedDict()
        for f in res.failures:
            k = (f["kind"], f["method"], f["template"], f["param"])
            groups.setdefault(k, []).append(f)
        print("FAILURES: %d, in %d groups (problem, method, route, parameter: values)" % (len(res.failures), len(groups)))
        for (kind, method, tmpl, param), items in groups.items():
            values = list(dict.fromkeys(i["value"] or "-" for i in items))
            phases = sorted(set(i["phase"] for i in items))
            print("  FAIL  %-16s %-4s %s%s  values: %s  (%d, %s)" % (
                kind, method, tmpl, "  param=%s" % param if param else "", ", ".join(values), len(items), "; ".join(phases)))
            for i in items[:3]:
                print("          %s -> %s" % (i["url"][:220], i["detail"][:400]))
            if len(items) > 3:
                print("          … %d more (report file)" % (len(items) - 3))
    if fz.report_path:
        with open(fz.report_path, "w") as f:
            json.dump({"sent": res.sent, "by_status": {str(k): v for k, v in res.by_status.items()},
                       "failures": res.failures, "warnings": res.warnings,
                       "slowest": sorted(res.timings, key=lambda t: -t[0])[:50],
                       "not_run": dict(res.not_run)}, f, ensure_ascii=False, indent=1)
        print("full report: %s" % fz.report_path)
    print("=== %s" % ("FAIL" if res.failures or fz.gave_up else "PASS"))
    return 1 if res.failures or fz.gave_up else 0


def main():
    a = arguments("--report")
    server = launch(a, "web-fuzz", banner=b"\n===== web_fuzz.py: starting opora demo =====\n")
    fz = Fuzz(server, a.report)
    try:
        phases(fz)
    except GiveUp:
        fz.res.warn("gave up: the server died more than FUZZ_MAX_RESTARTS=%d times" % MAX_RESTARTS)
    finally:
        server.stop()
    sys.exit(summarize(fz))


def phases(fz):
    clients = {role: Client(fz, role) for role in ROLES}
    state = {}

    def crawl_all(limit, note, seconds):
        """Crawls as every role; the crawl of all roles gets at most `seconds`."""
        deadline = time.monotonic() + seconds
        datas = {}
        all_samples = collections.defaultdict(list)
        all_params = collections.defaultdict(set)
        for role in ROLES:
            t = time.monotonic()
            c = clients[role]
            c.sign_in()
            d = datas[role] = RoleData()
            crawl(fz, c, d, limit, deadline)
            for k, v in d.samples.items():
                all_samples[k].extend(v)
            for k, v in d.params.items():
                all_params[k] |= v
            print("crawl%s as %-10s %3d pages, %2d route templates, %2d POST forms  (%.1f s)" % (
                note, role, len(d.urls), len(d.samples), len(d.forms), time.monotonic() - t), flush=True)
        state.update(datas=datas, samples=all_samples, params=all_params)

    def with_restarts(step, what):
        for _ in range(MAX_RESTARTS + 1):
            try:
                return step()
            except Restarted:
                # Fresh demo data has new ids: crawl again (smaller) and resume where the step was.
                print("  server died during %s; restarted with fresh demo data, crawling again" % what, flush=True)
                try:
                    crawl_all(max(30, CRAWL_LIMIT // 3), " again", 20)
                except Restarted:
                    continue
        raise GiveUp()

    # 1. crawl
    with_restarts(lambda: crawl_all(CRAWL_LIMIT, "", BUDGET * 0.35), "the crawl")
    print("query parameters seen: " + ", ".join(sorted(set().union(*state["params"].values()))), flush=True)

    # Plan: how many cases each role and phase has, so the budget left is shared in proportion.
    sim = set()
    planned = []
    for role in ROLES:
        cases = get_cases(role, state["datas"][role], state["samples"], state["params"], sim)
        sim.update(c[0] for c in cases)
        mark_get_routes(sim, cases)
        planned.append(("get", role, len(cases)))
    for role in ROLES:
        cases = post_cases(role, state["datas"][role], sim)
        sim.update(c[0] for c in cases)
        sim.update(("post-form", form_key(c[1])) for c in cases)
        planned.append(("post", role, len(cases)))
    for role in ROLES:
        planned.append(("recheck", role, len(state["datas"][role].urls)))
    planned.append(("login", "-", 2 * len(NEXT_VALUES) + len(GET_VALUES) + 1 + 3 * (len(POST_VALUES) + 2)))
    total = sum(n for _, _, n in planned)
    print("planned requests: " + ", ".join("%s %s %d" % p for p in planned) + "; total %d" % total, flush=True)
    start, share, cum = time.monotonic(), max(0.0, fz.left()), 0
    deadlines = {}
    for phase, role, n in planned:
        cum += n
        deadlines[(phase, role)] = start + share * cum / max(1, total)

    # 2. GET fuzz
    done = set()
    for role in ROLES:
        t, n0 = time.monotonic(), fz.res.sent
        with_restarts(lambda: run_get_fuzz(fz, role, clients[role], state["datas"][role], state["samples"], state["params"],
                                           done, deadlines[("get", role)]), "GET fuzz as %s" % role)
        print("GET fuzz as %-10s %5d requests (%.1f s)" % (role, fz.res.sent - n0, time.monotonic() - t), flush=True)

    # 3. POST fuzz
    for role in ROLES:
        t, n0 = time.monotonic(), fz.res.sent
        with_restarts(lambda: run_post_fuzz(fz, role, clients[role], state["datas"][role], done, deadlines[("post", role)]),
                      "POST fuzz as %s" % role)
        print("POST fuzz as %-10s %5d requests (%.1f s)" % (role, fz.res.sent - n0, time.monotonic() - t), flush=True)

    # 4. recheck every crawled page
    for role in ROLES:
        t, n0 = time.monotonic(), fz.res.sent
        with_restarts(lambda: run_recheck(fz, role, clients[role], state["datas"][role], deadlines[("recheck", role)]),
                      "recheck as %s" % role)
        print("recheck as %-10s %5d requests (%.1f s)" % (role, fz.res.sent - n0, time.monotonic() - t), flush=True)

    # 5. the sign-in form, signed out
    t, n0 = time.monotonic(), fz.res.sent
    with_restarts(lambda: run_login_fuzz(fz), "sign-in fuzz")
    print("sign-in fuzz        %5d requests (%.1f s)" % (fz.res.sent - n0, time.monotonic() - t), flush=True)


if __name__ == "__main__":
    main()
