"""Reminder letters of the demo through aiosmtpd (see reminders.sh). Usage: reminders.py OPORA WORKDIR"""
import datetime
import email
import email.header
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import uuid

from aiosmtpd.controller import Controller

OPORA, WORK = sys.argv[1], sys.argv[2]
TODAY = datetime.date(2022, 10, 1)  # the demo's day
HORIZON = 14
received = []


class Keep:
    async def handle_DATA(self, server, session, envelope):
        received.append(envelope)
        return "250 OK"


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def fail(msg):
    print(f"reminders: FAIL: {msg}")
    sys.exit(1)


def run(env, *args):
    full = dict(os.environ, **env)
    return subprocess.run([OPORA, *args], cwd=WORK, env=full, capture_output=True, text=True, timeout=180)


# The demo's database: `opora demo` makes it, then is stopped.
port = free_port()
demo = subprocess.Popen([OPORA, "demo", "--port", str(port)], cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
for _ in range(600):
    line = demo.stdout.readline()
    if "Opora demo:" in line:
        break
else:
    fail("the demo did not start")
time.sleep(1)
demo.send_signal(signal.SIGTERM)
demo.wait(timeout=30)
db = os.path.join(WORK, "opora-demo.sqlite")

# The letters expected, read from the database as the guide describes them.
con = sqlite3.connect(db)
active = [r[0] for r in con.execute("SELECT id FROM programmes WHERE status = 'active'")]
rows = con.execute(
    f"SELECT m.id, m.name, m.deadline, m.school_id FROM measures m WHERE m.programme_id IN ({','.join('?' * len(active))}) "
    "AND m.status IN ('planned', 'inProgress') AND m.deadline IS NOT NULL", active).fetchall()
users = {r[0]: r[1:] for r in con.execute("SELECT login, email, role, school_id FROM users WHERE email IS NOT NULL")}


def due(deadline):
    d = datetime.date.fromisoformat(deadline)
    return d < TODAY or d <= TODAY + datetime.timedelta(days=HORIZON)


expected = {}
for login, (address, role, school) in users.items():
    mine = [r for r in rows if due(r[2]) and (role != "school" or r[3] == school)]
    if mine:
        expected[address] = mine
if len(expected) < 2:
    fail(f"the demo should have letters for at least a methodist and a coordinator: {sorted(expected)}")

env = {"OPORA_DATABASE_URL": f"sqlite://{db}", "OPORA_TODAY": TODAY.isoformat(), "OPORA_SMTP_FROM": "opora@example.org",
       "OPORA_PUBLIC_URL": "https://opora.example.org"}

# 1. A server that cannot be reached: reported, nothing marked as sent.
closed = free_port()
r = run(dict(env, OPORA_SMTP_URL=f"smtp://127.0.0.1:{closed}"), "remind")
if r.returncode == 0 or "NOT sent" not in (r.stdout + r.stderr):
    fail(f"an unreachable server must be reported and exit non-zero: {r.returncode} {r.stdout[-500:]} {r.stderr[-500:]}")
print(f"reminders: an unreachable server is reported ({(r.stdout + r.stderr).strip().splitlines()[-1][:160]})")

# 2. The real server: every letter arrives with its measures and links.
controller = Controller(Keep(), hostname="127.0.0.1", port=free_port())
controller.start()
try:
    smtp = dict(env, OPORA_SMTP_URL=f"smtp://127.0.0.1:{controller.port}")
    r = run(smtp, "remind")
    if r.returncode != 0:
        fail(f"remind failed: {r.stdout[-800:]} {r.stderr[-800:]}")
    got = {}
    for envelope in received:
        msg = email.message_from_bytes(envelope.original_content)
        subject = str(email.header.make_header(email.header.decode_header(msg["Subject"])))
        body = msg.get_payload(decode=True).decode("utf-8")
        for to in envelope.rcpt_tos:
            got[to] = (subject, body, msg)
    if set(got) != set(expected):
        fail(f"letters to {sorted(got)}, expected {sorted(expected)}")
    for address, measures in expected.items():
        subject, body, msg = got[address]
        if msg.get_content_charset() != "utf-8" or not subject.startswith("Опора: "):
            fail(f"{address}: subject «{subject}», charset {msg.get_content_charset()}")
        links = set(re.findall(r"https://opora\.example\.org/measures/([0-9A-F-]{36})", body))
        want = {(str(uuid.UUID(bytes=m[0])) if isinstance(m[0], bytes) else m[0]).upper() for m in measures}
        if links != want:
            fail(f"{address}: {len(links)} measures linked, expected {len(want)}: missing {sorted(want - links)[:3]}, extra {sorted(links - want)[:3]}")
        for m in measures:
            if m[1] not in body:
                fail(f"{address}: the measure «{m[1][:60]}» is not named")
        overdue = sum(1 for m in measures if datetime.date.fromisoformat(m[2]) < TODAY)
        if overdue and f"Просрочены ({overdue}):" not in body:
            fail(f"{address}: «Просрочены ({overdue}):» missing")
        print(f"reminders: {address}: «{subject}», {len(measures)} measures ({overdue} overdue), each named and linked")

    # 3. Weekly: a second run sends nothing more.
    before = len(received)
    r = run(smtp, "remind")
    if r.returncode != 0 or len(received) != before or "0 letters sent" not in r.stdout:
        fail(f"a second run must send nothing: {r.stdout[-400:]}")
    print("reminders: a second run the same day sends nothing")
finally:
    controller.stop()

# 4. STARTTLS with a password: the certificate of a district's own server trusted through
# OPORA_SMTP_CA_FILE, the password sent only after STARTTLS, and the letter delivered.
import ssl
from aiosmtpd.smtp import AuthResult
cert, key = os.path.join(WORK, "smtp.pem"), os.path.join(WORK, "smtp.key")
subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert], check=True, capture_output=True)
context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
logins = []


def authenticator(server, session, envelope, mechanism, auth_data):
    logins.append((mechanism, auth_data.login, auth_data.password, session.ssl is not None))
    # handled=False: aiosmtpd answers 535 itself (handled=True would mean the authenticator did).
    return AuthResult(success=auth_data.login == b"opora" and auth_data.password == b"mail-secret", handled=False)


received.clear()
secure = Controller(Keep(), hostname="127.0.0.1", port=free_port(), tls_context=context, require_starttls=True,
                    authenticator=authenticator, auth_require_tls=True)
secure.start()
try:
    con.execute("UPDATE users SET reminded_at = NULL")
    con.commit()
    r = run(dict(env, OPORA_SMTP_URL=f"smtp://opora:mail-secret@127.0.0.1:{secure.port}", OPORA_SMTP_CA_FILE=cert), "remind")
    if r.returncode != 0 or len(received) != len(expected):
        fail(f"STARTTLS with a password: {r.returncode}, {len(received)} letters: {r.stdout[-500:]} {r.stderr[-500:]}")
    if not logins or not all(l[3] for l in logins) or logins[0][0] != "PLAIN":
        fail(f"the password must go by AUTH PLAIN inside TLS: {logins}")
    print(f"reminders: STARTTLS with AUTH PLAIN inside TLS: {len(received)} letters delivered")
    # A wrong password: refused, reported, nothing marked as sent.
    con.execute("UPDATE users SET reminded_at = NULL")
    con.commit()
    r = run(dict(env, OPORA_SMTP_URL=f"smtp://opora:wrong@127.0.0.1:{secure.port}", OPORA_SMTP_CA_FILE=cert), "remind")
    left = con.execute("SELECT COUNT(*) FROM users WHERE reminded_at IS NOT NULL").fetchone()[0]
    if r.returncode == 0 or left != 0:
        fail(f"a refused password must be reported and mark nothing: {r.returncode}, {left} marked")
    print("reminders: a wrong password is reported and nothing is marked as sent")
finally:
    secure.stop()
print("reminders: PASS")
