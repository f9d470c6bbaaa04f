"""An Opora demo server for the ops tests (standard library only).

Shared by ops-tests/abuse.py and ops-tests/web_fuzz.py, which ops-tests/demo-server.sh calls as

  SCRIPT.py --bin OPORA --workdir DIR --port PORT --log FILE --pidfile FILE [more options]

Starts `opora demo` on 127.0.0.1 and waits for GET /login, reads the process's CPU time and
memory from /proc, reads what it logged, and finds the session cookie and the _csrf token of a page.
"""
import argparse
import html
import http.client
import os
import re
import signal
import subprocess
import time

CLK = os.sysconf("SC_CLK_TCK")
DEMO_PASSWORD = "opora-demo"  # every user of `opora demo`
CSRF_RE = re.compile(rb'name="_csrf" value="([^"]*)"')


# ---------------------------------------------------------------- the process, from /proc

def cpu_seconds(pid):
    """CPU seconds (user + system) process pid has used."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK  # utime + stime (fields 14 and 15)


def mem_kb(pid, key):
    """A figure of /proc/PID/status in KB (VmRSS, VmHWM), 0 when missing."""
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0


# ---------------------------------------------------------------- the server

class Server:
    """`opora demo` in workdir, its output appended to log, its pid written to pidfile (for the
    shell script's cleanup). name prefixes the messages; banner, when given, is written to the log
    before every start."""

    def __init__(self, binary, workdir, port, log, pidfile, name, banner=None):
        self.binary, self.workdir, self.port, self.log, self.pidfile = binary, workdir, port, log, pidfile
        self.name, self.banner = name, banner
        self.proc = None
        self.restarts = 0

    def start(self):
        logf = open(self.log, "ab")
        if self.banner:
            logf.write(self.banner)
            logf.flush()
        self.proc = subprocess.Popen([self.binary, "demo", "--hostname", "127.0.0.1", "--port", str(self.port)],
                                     cwd=self.workdir, stdout=logf, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        logf.close()
        with open(self.pidfile, "w") as f:
            f.write(str(self.proc.pid))
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit("%s: opora demo exited with %s while starting (log: %s)" % (self.name, self.proc.returncode, self.log))
            try:
                c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                c.request("GET", "/login")
                r = c.getresponse()
                r.read()
                c.close()
                if r.status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit("%s: opora demo did not answer GET /login within 600 s" % self.name)

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def wait_exit(self, seconds):
        try:
            self.proc.wait(seconds)
        except subprocess.TimeoutExpired:
            pass

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()

    def restart(self):
        self.stop()
        self.restarts += 1
        self.start()

    def cpu(self):
        """CPU seconds (user + system) the server process has used, None when unreadable."""
        try:
            return cpu_seconds(self.proc.pid)
        except (OSError, IndexError, ValueError):
            return None

    def settle(self, quiet=0.3, limit=5.0):
        """Waits until the server has used no CPU for `quiet` seconds (at most `limit`)."""
        end = time.monotonic() + limit
        last = cpu_seconds(self.proc.pid)
        while time.monotonic() < end:
            time.sleep(quiet)
            now = cpu_seconds(self.proc.pid)
            if now == last:
                return
            last = now

    def log_size(self):
        try:
            return os.path.getsize(self.log)
        except OSError:
            return 0

    def log_since(self, offset, limit=6):
        """The interesting lines the server logged since offset: errors, fatal errors, crashes."""
        try:
            with open(self.log, "rb") as f:
                f.seek(offset)
                text = f.read(2_000_000).decode("utf-8", "replace")
        except OSError:
            return []
        keep = [l.strip() for l in text.splitlines()
                if re.search(r"ERROR|CRITICAL|Fatal|fatal|Crash|crash|Illegal|Segmentation|Abort|backtrace|\bat /", l)]
        return [l[:300] for l in keep[:limit]]


def arguments(*extra):
    """The command line of a helper: the options the shell script passes to every helper, then
    extra ones (option names; each takes a value and is optional)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--pidfile", required=True)
    for option in extra:
        ap.add_argument(option)
    return ap.parse_args()


def launch(args, name, banner=None, note=""):
    """Starts the demo server the command line describes and says so (with note after it)."""
    server = Server(args.bin, args.workdir, args.port, args.log, args.pidfile, name, banner)
    t = time.monotonic()
    server.start()
    print("demo server up on 127.0.0.1:%d in %.1f s (pid %d)%s" % (args.port, time.monotonic() - t, server.proc.pid, note),
          flush=True)
    return server


def load_line(busy_note):
    """The load average line of a summary; busy_note follows it when the machine is overloaded."""
    load = os.getloadavg()
    return "load average now: %.1f %.1f %.1f on %d CPUs%s" % (load + (os.cpu_count(),
           busy_note if load[1] > os.cpu_count() else ""))


# ---------------------------------------------------------------- pages

def csrf_of(body):
    """The _csrf token of a page (bytes), None when the page has none."""
    m = CSRF_RE.search(body)
    return html.unescape(m.group(1).decode()) if m else None


def session_cookie(headers, cookie=None):
    """The Cookie header a browser sends after this response (headers: (name, value) pairs): the
    pairs of `cookie` updated by every `opora_…` cookie the response sets (the session, and the
    sign-in form's `opora_form`), an expired one removed; None when none is left."""
    jar = dict(p.split("=", 1) for p in (cookie or "").split("; ") if "=" in p)
    for k, v in headers:
        if k.lower() == "set-cookie" and v.startswith("opora_"):
            name, value = v.split(";", 1)[0].split("=", 1)
            if "expires=thu, 01 jan 1970" in v.lower():
                jar.pop(name, None)
            else:
                jar[name] = value
    return "; ".join(f"{k}={v}" for k, v in sorted(jar.items())) or None
