#!/usr/bin/env python3
"""Summarise a Schemathesis JUnit report: one line per failing test, then a closing count.

Schemathesis writes one JUnit test case per API operation, and one more, «Stateful tests», for
the stateful phase.

    summary.py junit.xml

Exit 0 when no operation failed or errored, 1 otherwise (also when the report is missing).
"""
import re
import sys
import xml.etree.ElementTree as ET


def main():
    path = sys.argv[1]
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        print(f"api-fuzz: no readable report {path}: {e}")
        return 1
    passed, failed, errored = [], [], []
    for case in root.iter("testcase"):
        name = case.get("name", "?")
        problems = case.findall("failure") + case.findall("error")
        if not problems:
            if case.find("skipped") is None:
                passed.append(name)
            continue
        text = "\n".join((p.text or "") + " " + (p.get("message") or "") for p in problems)
        codes = sorted(set(re.findall(r"- (ST\d+ [^\n]+)", text)))
        received = sorted(set(re.findall(r"Received: (\d+)", text)) | set(re.findall(r"^\[(\d{3})\]", text, re.M)))
        detail = "; ".join(codes) or (problems[0].get("message") or "error").strip().splitlines()[0][:120]
        if received:
            detail += f" (HTTP {', '.join(received)})"
        (errored if case.findall("error") and not case.findall("failure") else failed).append((name, detail))
    print()
    print("=== api-fuzz summary ===")
    for name, detail in failed:
        print(f"FAILED  {name}: {detail}")
    for name, detail in errored:
        print(f"ERROR   {name}: {detail}")
    print(f"{len(passed)} tests (operations, and the stateful phase) passed every check; {len(failed)} failed; "
          f"{len(errored)} could not be run")
    print(f"api-fuzz: {len(passed)} passed, {len(failed) + len(errored)} failed")
    return 1 if failed or errored else 0


if __name__ == "__main__":
    sys.exit(main())
