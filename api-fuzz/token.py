#!/usr/bin/env python3
"""Issue an Opora API token the way an admin does it, and print it on stdout.

    token.py BASE_URL [--login admin] [--password opora-demo] [--owner admin] [--name "..."]
                      [--config schemathesis.toml]

Logs in through the /login form (cookie jar, CSRF field `_csrf`), opens /admin/tokens, submits
the «Выдать токен» form for the user whose login is --owner, and reads the token, which the page
shows once in <code class="token">.

With --config it also reads, through the API and an admin's token (the owner's own when the
owner is --login), the identifiers that exist in the database (programmes, measures, schools,
teachers, ИОМ steps, mentorships) and writes a schemathesis config whose dictionaries put them
into the path and body parameters of that name part of the time, so that the fuzzer reaches
past «404 not found». The rest of the time the values are generated as usual.

Standard library only. Exit 1 with a message on any failure.
"""
import argparse
import json
import html
import http.cookiejar
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """Keep 303s visible: a successful login answers with a redirect away from /login."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def fail(message):
    print(f"token.py: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("--login", default="admin")
    ap.add_argument("--password", default="opora-demo")
    ap.add_argument("--owner", default=None, help="login of the token's owner (default: --login)")
    ap.add_argument("--name", default="api-fuzz (schemathesis)")
    ap.add_argument("--config", help="also write a schemathesis config with the existing identifiers here")
    args = ap.parse_args()
    base = args.base.rstrip("/")
    owner = args.owner or args.login

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)

    def request(method, path, form=None):
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        req = urllib.request.Request(base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/x-www-form-urlencoded")
        try:
            with opener.open(req, timeout=30) as r:
                return r.status, r.headers, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:  # 3xx (not followed) and 4xx/5xx
            return e.code, e.headers, e.read().decode("utf-8", "replace")

    def csrf(page, where):
        m = re.search(r'<input[^>]*name="_csrf"[^>]*value="([^"]*)"', page)
        if not m:
            fail(f"no _csrf field on {where}")
        return html.unescape(m.group(1))

    status, _, page = request("GET", "/login")
    if status != 200:
        fail(f"GET /login answered {status}")
    status, headers, page = request("POST", "/login", {
        "_csrf": csrf(page, "/login"), "next": "/", "login": args.login, "password": args.password})
    location = headers.get("Location", "") if headers else ""
    if status not in (302, 303) or "/login" in location:
        fail(f"login as {args.login} failed (HTTP {status}, Location {location!r})")

    def issue(owner, name):
        status, _, page = request("GET", "/admin/tokens")
        if status != 200:
            fail(f"GET /admin/tokens answered {status} (is {args.login} an admin?)")
        select = re.search(r'<select[^>]*name="userID"[^>]*>(.*?)</select>', page, re.S)
        if not select:
            fail("no userID select on /admin/tokens")
        options = re.findall(r'<option[^>]*value="([^"]*)"[^>]*>(.*?)</option>', select.group(1), re.S)
        user_id = next((v for v, title in options if f"({owner})" in html.unescape(title)), None)
        if not user_id:
            fail(f"no user {owner!r} among {[html.unescape(t) for _, t in options]}")
        status, _, page = request("POST", "/admin/tokens", {
            "_csrf": csrf(page, "/admin/tokens"), "name": name, "userID": user_id})
        m = re.search(r'<code[^>]*class="token"[^>]*>([^<]+)</code>', page)
        if status != 200 or not m:
            err = re.search(r'role="alert"[^>]*>(.*?)<', page, re.S)
            fail(f"POST /admin/tokens answered {status} without a token" + (f": {html.unescape(err.group(1))}" if err else ""))
        return html.unescape(m.group(1)).strip()

    token = issue(owner, args.name)
    if args.config:
        # The identifiers are read with the admin's own token: another owner may see less.
        write_config(base, token if owner == args.login else issue(args.login, args.name + " — identifiers"), args.config)
    print(token)


# ------------------------------------------------------------------ identifiers for the fuzzer
# How often a bound parameter takes an existing identifier instead of a generated value.
PROBABILITY = 0.75


def api_get(base, token, path, forbidden=None):
    """The answer of a GET; `forbidden` (when given) stands for it when the token's owner may not read it:
    a region's users, like observers, read no named people, so they collect no identifiers of them."""
    req = urllib.request.Request(base + "/api/v1" + path, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 403 and forbidden is not None:
            return forbidden
        fail(f"GET /api/v1{path} answered {e.code} while collecting identifiers")


def write_config(base, token, path):
    """Collect existing identifiers and write a TOML config: [dictionaries] of values and
    [parameters] bindings to them. The demo's identifiers are random UUIDs, new in every database,
    so they are listed in the order of stable keys (programme name, the API's own order of
    measures, school code, then the API's order within a school): with a fixed seed the fuzzer
    then picks the same rows in every run."""
    ids = {k: {} for k in ("programmes", "measures", "schools", "teachers", "steps", "mentorships")}

    def add(kind, value):
        ids[kind].setdefault(value.lower(), None)

    for p in sorted(api_get(base, token, "/programmes"), key=lambda p: (p["name"], p["startYear"])):
        add("programmes", p["id"])
        # The first rows of every programme are enough; all of them would only lengthen the file.
        for row in api_get(base, token, f"/programmes/{p['id']}/measures")["items"][:40]:
            add("measures", row["id"])
    for school in sorted(api_get(base, token, "/schools"), key=lambda s: s["code"]):
        sid = school["id"]
        add("schools", sid)
        for t in api_get(base, token, f"/schools/{sid}/deficits", forbidden=[]):
            add("teachers", t["teacherID"])
        for plan in api_get(base, token, f"/schools/{sid}/development-plans", forbidden=[]):
            add("teachers", plan["teacherID"])
            for step in plan["steps"]:
                add("steps", step["id"])
        for m in api_get(base, token, f"/schools/{sid}/mentorships", forbidden=[]):
            add("mentorships", m["id"])
    dictionaries = {name: list(values) for name, values in ids.items() if values}
    # A region's user names the municipality of municipal lists: the first of the region's.
    region = api_get(base, token, "/region/municipalities", forbidden={"municipalities": []})["municipalities"]
    named = f"?municipality={region[0]['id']}" if region else ""
    if region:
        dictionaries["municipalities"] = [m["id"].lower() for m in region]
    points = sorted(p["name"] for p in api_get(base, token, "/consultations" + named, forbidden={"points": []})["points"])
    if points:
        dictionaries["points"] = points
    # Plain values that lead past validation more often than random ones: the demo's years and
    # dates in both accepted forms.
    dictionaries["years"] = [2017, 2018, 2019, 2020, 2021, 2022]
    dictionaries["dates"] = ["2021-09-15", "15.09.2021", "2022-03-01", "01.03.2022"]
    # File names whose type the uploads accept, so that generated bytes reach the CSV, XLSX and
    # evidence readers instead of stopping at «unknown file type».
    dictionaries["fileNames"] = ["data.csv", "data.xlsx", "act.pdf", "scan.png", "scan.jpg", "act.docx"]
    bindings = {
        "path.programmeID": "programmes", "path.measureID": "measures", "path.schoolID": "schools",
        "path.teacherID": "teachers", "path.stepID": "steps", "path.mentorshipID": "mentorships",
        "query.school": "schools", "query.year": "years", "query.municipality": "municipalities", "query.fileName": "fileNames",
        "body.pointName": "points",
        "body.schoolID": "schools", "body.teacherID": "teachers", "body.mentorID": "teachers",
        "body.menteeID": "teachers", "body.year": "years",
        "body.date": "dates", "body.startsOn": "dates", "body.endsOn": "dates", "body.completedOn": "dates",
        "body.deadline": "dates", "body.reviewDates[*]": "dates",
    }
    lines = ["# Written by api-fuzz/token.py from the demo database of this run.", "", "[dictionaries]"]
    for name, values in dictionaries.items():
        lines.append(f"{name} = {{ values = {json.dumps(values)} }}")
    lines += ["", "[parameters]"]
    for key, name in bindings.items():
        if name in dictionaries:
            lines.append(f'"{key}" = {{ dictionary = "{name}", probability = {PROBABILITY} }}')
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    counts = ", ".join(f"{k} {len(v)}" for k, v in dictionaries.items())
    print(f"token.py: wrote {path} ({counts})", file=sys.stderr)


if __name__ == "__main__":
    main()
