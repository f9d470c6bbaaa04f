#!/usr/bin/env python3
"""Large-body abuse checks against an Opora demo server (standard library only).

Called by ops-tests/abuse.sh:

  abuse.py --bin OPORA --workdir DIR --port PORT --log FILE --pidfile FILE

Starts `opora demo`, then measures the server process (CPU time from /proc/PID/stat, VmRSS and
VmHWM from /proc/PID/status) around each attack:

  1. a 45 MB multipart body with Content-Length to POST /login      refused (413 or closed), CPU < 0.1 s + drain
  2. a 45 MB multipart body, Transfer-Encoding: chunked, POST /login refused, CPU < 0.1 s + drain, RSS +< 30 MB
  3. a sign-in (GET /login + POST /login as metodist) while 3 threads keep sending 45 MB bodies
     to POST /login: must succeed within max(1.0 s, 3 x the sign-in time without the load)
  4. a 900 KB url-encoded body to POST /login                        413 within 1.0 s
  5. a 30 MB multipart POST /imports from a session that is not signed in (cookie and _csrf
     from GET /login)                                                 401/403/413, CPU < 0.1 s + drain

Bodies are written on a raw socket while a second thread reads, so an early answer is seen
even when the server closes (or resets) the connection before the whole body was sent.

Environment (optional): ABUSE_CPU_SLACK (0.0) added to every CPU limit; ABUSE_RSS_MB (30).
"""
import http.client
import os
import re
import socket
import statistics
import sys
import threading
import time
import urllib.parse

from demo_server import CLK, DEMO_PASSWORD, arguments, cpu_seconds, csrf_of, launch, load_line, mem_kb, session_cookie

MB = 1024 * 1024
CPU_SLACK = float(os.environ.get("ABUSE_CPU_SLACK", "0.0"))
# A refused body is not parsed, but Vapor drains the rest of it from the socket instead of closing
# the connection, and exposes no way to close it from the app: NIO reads and discards what the client
# keeps sending, about 2 ms of CPU per MB in the debug build. The limits allow 0.1 s of work plus
# that drain (3 ms per MB sent); before the route limits the same 45 MB cost about 30 s of CPU.
DRAIN_PER_MB = 0.003
RSS_LIMIT_MB = float(os.environ.get("ABUSE_RSS_MB", "30"))
CHUNK = 256 * 1024


# ---------------------------------------------------------------- HTTP

def get_login(port, cookie=None):
    """GET /login: (session cookie, _csrf)."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    c.request("GET", "/login", headers={"Cookie": cookie} if cookie else {})
    r = c.getresponse()
    body = r.read()
    c.close()
    if r.status != 200:
        raise SystemExit("abuse: GET /login answered %s" % r.status)
    cookie = session_cookie(r.getheaders(), cookie)
    csrf = csrf_of(body)
    if not cookie or csrf is None:
        raise SystemExit("abuse: GET /login gave no session cookie or no _csrf")
    return cookie, csrf


def sign_in(port, login, password=DEMO_PASSWORD):
    """GET /login + POST /login; returns (seconds, status, location)."""
    t0 = time.monotonic()
    cookie, csrf = get_login(port)
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    body = urllib.parse.urlencode({"login": login, "password": password, "_csrf": csrf})
    c.request("POST", "/login", body=body, headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    r = c.getresponse()
    r.read()
    c.close()
    return time.monotonic() - t0, r.status, r.getheader("Location") or ""


class Outcome:
    def __init__(self):
        self.status = None
        self.response_head = b""
        self.sent = 0
        self.send_error = None
        self.read_error = None
        self.seconds = 0.0
        self.closed_by_server = False

    def describe(self):
        how = "status %s" % self.status if self.status else "no status"
        if self.closed_by_server:
            how += ", connection closed by the server"
        if self.send_error:
            how += ", send stopped (%s)" % self.send_error
        return "%s after %.1f MB sent, %.2f s" % (how, self.sent / MB, self.seconds)


def raw_post(port, path, headers, body_parts, pace=0.0, stop=None, timeout=30):
    """Writes a request on a raw socket, a reader thread watching for the answer meanwhile.
    body_parts: an iterable of bytes-like pieces, written in order (stops early when the server
    closes the connection). Returns an Outcome."""
    out = Outcome()
    t0 = time.monotonic()
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 256 * 1024)
    head = "POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n" % (path, port) + "".join("%s: %s\r\n" % kv for kv in headers) + "\r\n"
    got_answer = threading.Event()

    def reader():
        buf = b""
        try:
            while True:
                data = s.recv(65536)
                if not data:
                    out.closed_by_server = True
                    break
                buf += data
                if out.status is None:
                    m = re.match(rb"HTTP/1\.[01] (\d{3})", buf)
                    if m:
                        out.status = int(m.group(1))
                        out.response_head = buf.split(b"\r\n\r\n", 1)[0]
                        got_answer.set()
                if len(buf) > 1_000_000:
                    buf = buf[:1_000_000]
        except OSError as e:
            out.read_error = "%s" % type(e).__name__
        finally:
            got_answer.set()

    rt = threading.Thread(target=reader, daemon=True)
    rt.start()
    try:
        s.sendall(head.encode())
        for part in body_parts:
            if stop is not None and stop.is_set():
                break
            s.sendall(part)
            out.sent += len(part)
            if pace:
                time.sleep(pace)
        # The whole body is sent: wait for the answer.
        got_answer.wait(timeout)
    except OSError as e:  # BrokenPipe, ConnectionReset: the server stopped reading
        out.send_error = type(e).__name__
        got_answer.wait(5)
    out.seconds = time.monotonic() - t0
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    s.close()
    rt.join(2)
    return out


def multipart_45(csrf, size):
    """(content type, [parts]) of a multipart body with a `size`-byte file field."""
    boundary = "----opora-abuse-boundary-7MA4YWxkTrZu0gW"
    head = ("--%s\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n%s\r\n"
            "--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
            "Content-Type: text/csv\r\n\r\n" % (boundary, csrf, boundary)).encode()
    tail = ("\r\n--%s--\r\n" % boundary).encode()
    filler = memoryview(b"a;b;c;1;2;3\n" * (CHUNK // 12 + 1))[:CHUNK]
    parts = [head]
    left = size
    while left > 0:
        n = min(CHUNK, left)
        parts.append(filler[:n])
        left -= n
    parts.append(tail)
    return "multipart/form-data; boundary=%s" % boundary, parts


def chunked(parts):
    for p in parts:
        yield ("%x\r\n" % len(p)).encode() + bytes(p) + b"\r\n"
    yield b"0\r\n\r\n"


def total(parts):
    return sum(len(p) for p in parts)


def upload(cookie, csrf, size, chunked_body):
    """(headers, body) of a multipart upload of a `size`-byte file, with Content-Length or chunked."""
    ctype, parts = multipart_45(csrf, size)
    if chunked_body:
        return [("Cookie", cookie), ("Content-Type", ctype), ("Transfer-Encoding", "chunked")], chunked(parts)
    return [("Cookie", cookie), ("Content-Type", ctype), ("Content-Length", str(total(parts)))], parts


# ---------------------------------------------------------------- checks

class Checks:
    def __init__(self):
        self.rows = []

    def check(self, name, ok, figures):
        self.rows.append((name, ok, figures))
        print("  %s  %s: %s" % ("PASS" if ok else "FAIL", name, figures), flush=True)


def measured(server, action):
    server.settle()
    pid = server.proc.pid
    cpu0, rss0, hwm0 = cpu_seconds(pid), mem_kb(pid, "VmRSS"), mem_kb(pid, "VmHWM")
    result = action()
    if getattr(result, "status", 0) is None:
        # No answer: if the process is dying, let it finish before asking whether it lives.
        server.wait_exit(3)
    # What the server does after the answer (draining the rest of the body) counts too.
    if server.alive():
        server.settle()
    if not server.alive():
        return result, None, None, None
    cpu1, rss1, hwm1 = cpu_seconds(pid), mem_kb(pid, "VmRSS"), mem_kb(pid, "VmHWM")
    return result, cpu1 - cpu0, (rss1 - rss0) / 1024, (hwm1 - hwm0) / 1024


def measured_upload(server, path, size, chunked_body=False):
    """An upload (cookie and _csrf from GET /login) to path, measured and described:
    (Outcome, CPU seconds, RSS growth MB, peak RSS growth MB)."""
    port = server.port
    cookie, csrf = get_login(port)
    headers, body = upload(cookie, csrf, size, chunked_body)
    out, cpu, drss, dhwm = measured(server, lambda: raw_post(port, path, headers, body))
    print("   %s" % out.describe())
    return out, cpu, drss, dhwm


def main():
    server = launch(arguments(), "abuse", note="; clock ticks %d/s" % CLK)
    checks = Checks()
    try:
        for step in (step_content_length, step_chunked, step_sign_in_under_load, step_form_900kb, step_imports_signed_out):
            if not server.alive():
                print("   (the server died: restarting it with fresh demo data for the next check)", flush=True)
                server.restart()
                warm_up(server.port)
            n = len(checks.rows)
            step(server, checks)
            if not server.alive() and not any("server alive" in r[0] for r in checks.rows[n:]):
                checks.check("%s: server alive" % step.__doc__.strip(), False,
                             "THE SERVER DIED (exit status %s); see the log" % server.proc.returncode)
    finally:
        server.stop()
    failed = [r for r in checks.rows if not r[1]]
    print()
    print(load_line("  (busy machine: the sign-in times are inflated; CPU times are not)"))
    print("=== abuse summary: %d checks, %d failed" % (len(checks.rows), len(failed)))
    for name, _, figures in failed:
        print("  FAIL  %s: %s" % (name, figures))
    print("=== %s" % ("FAIL" if failed else "PASS"))
    sys.exit(1 if failed else 0)


def refused(out, allowed=(413,)):
    return out.status in allowed or (out.status is None and (out.closed_by_server or out.send_error is not None))


def warm_up(port):
    """The first requests of a debug build are slower."""
    for _ in range(2):
        sign_in(port, "observer")


def dead(server, checks, name):
    if server.alive():
        return False
    checks.check(name + ": server alive", False, "THE SERVER DIED (exit status %s); see the log" % server.proc.returncode)
    return True


def step_content_length(server, checks):
    """45 MB body with Content-Length"""
    port = server.port
    warm_up(port)
    print("1. 45 MB multipart body with Content-Length to POST /login", flush=True)
    out, cpu, drss, dhwm = measured_upload(server, "/login", 45 * MB)
    checks.check("45 MB Content-Length body to /login refused", refused(out) and server.alive(), out.describe())
    if dead(server, checks, "45 MB Content-Length body"):
        return
    limit = 0.1 + 45 * DRAIN_PER_MB + CPU_SLACK
    checks.check("45 MB Content-Length body: server CPU < %.2f s" % limit, cpu < limit,
                 "CPU %.3f s, RSS %+.1f MB, peak RSS %+.1f MB" % (cpu, drss, dhwm))


def step_chunked(server, checks):
    """45 MB chunked body"""
    print("2. 45 MB multipart body, Transfer-Encoding: chunked, to POST /login", flush=True)
    out, cpu, drss, dhwm = measured_upload(server, "/login", 45 * MB, chunked_body=True)
    checks.check("45 MB chunked body to /login refused", refused(out) and server.alive(), out.describe())
    if dead(server, checks, "45 MB chunked body"):
        return
    limit = 0.1 + 45 * DRAIN_PER_MB + CPU_SLACK
    checks.check("45 MB chunked body: server CPU < %.2f s" % limit, cpu < limit, "CPU %.3f s" % cpu)
    checks.check("45 MB chunked body: RSS growth < %.0f MB" % RSS_LIMIT_MB, drss < RSS_LIMIT_MB and dhwm < RSS_LIMIT_MB,
                 "RSS %+.1f MB, peak RSS (VmHWM) %+.1f MB" % (drss, dhwm))


def step_sign_in_under_load(server, checks):
    """sign-in under load"""
    port = server.port
    print("3. sign-in as metodist, without and with three 45 MB uploads running", flush=True)
    base = []
    for _ in range(3):
        secs, status, loc = sign_in(port, "metodist")
        if status not in (302, 303) or loc.startswith("/login"):
            checks.check("baseline sign-in", False, "status %s, Location %r" % (status, loc))
            return
        base.append(secs)
    baseline = statistics.median(base)
    stop = threading.Event()
    uploads = collections_counter()

    def uploader(n):
        while not stop.is_set() and server.alive():
            try:
                ck, tok = get_login(port)
                hs, body = upload(ck, tok, 45 * MB, chunked_body=not n % 2)
                # Slow senders: about 25 MB/s each.
                o = raw_post(port, "/login", hs, body, pace=0.01, stop=stop)
                uploads["%s %s" % ("length" if n % 2 else "chunked", o.status if o.status else "closed")] += 1
            except (OSError, SystemExit) as e:
                uploads["error " + type(e).__name__] += 1
                time.sleep(0.05)

    threads = [threading.Thread(target=uploader, args=(i,), daemon=True) for i in range(3)]
    for th in threads:
        th.start()
    time.sleep(1.0)  # the uploads are under way
    loaded, problems = [], []
    for _ in range(3):
        try:
            secs, status, loc = sign_in(port, "metodist")
        except (OSError, http.client.HTTPException, SystemExit) as e:
            problems.append("%s: %s" % (type(e).__name__, e))
            continue
        if status not in (302, 303) or loc.startswith("/login"):
            problems.append("status %s, Location %r" % (status, loc))
        loaded.append(secs)
    stop.set()
    for th in threads:
        th.join(30)
    limit = max(1.0, 3 * baseline)
    figures = "without load %s s (median %.3f s); with 3 uploads %s s; limit %.3f s; uploads: %s" % (
        ", ".join("%.3f" % x for x in base), baseline, ", ".join("%.3f" % x for x in loaded) or "-", limit,
        dict(uploads))
    if problems:
        checks.check("sign-in under load completes", False, "; ".join(problems) + " | " + figures)
    else:
        checks.check("sign-in under load within max(1.0 s, 3 x baseline)", statistics.median(loaded) < limit, figures)


def step_form_900kb(server, checks):
    """900 KB url-encoded body"""
    port = server.port
    print("4. 900 KB url-encoded body to POST /login", flush=True)
    cookie, csrf = get_login(port)
    body = urllib.parse.urlencode({"_csrf": csrf, "login": "metodist", "password": "p" * (900 * 1024)}).encode()
    headers = [("Cookie", cookie), ("Content-Type", "application/x-www-form-urlencoded"), ("Content-Length", str(len(body)))]
    out, cpu, drss, dhwm = measured(server, lambda: raw_post(port, "/login", headers, [body]))
    print("   %s" % out.describe())
    checks.check("900 KB url-encoded body to /login: 413 within 1.0 s", out.status == 413 and out.seconds < 1.0,
                 "%s%s" % (out.describe(), "" if cpu is None else "; CPU %.3f s" % cpu))


def step_imports_signed_out(server, checks):
    """30 MB /imports, not signed in"""
    print("5. 30 MB multipart POST /imports with a session that is not signed in", flush=True)
    out, cpu, drss, dhwm = measured_upload(server, "/imports", 30 * MB)
    checks.check("30 MB /imports, not signed in: refused (401/403/413)", refused(out, (401, 403, 413)) and server.alive(),
                 out.describe())
    if dead(server, checks, "30 MB /imports"):
        return
    limit = 0.1 + 30 * DRAIN_PER_MB + CPU_SLACK
    checks.check("30 MB /imports, not signed in: server CPU < %.2f s" % limit, cpu < limit,
                 "CPU %.3f s, RSS %+.1f MB" % (cpu, drss))


def collections_counter():
    import collections
    return collections.Counter()


if __name__ == "__main__":
    main()
