#!/usr/bin/env python3
"""Sum up VSTest .trx files for CI and decide whether the run is green.

Usage:
    trx_summary.py [--dotnet-exit-code N] [--forbid-skipped WORD] PATH...

PATH is a .trx file or a directory whose *.trx files are read (one per test project).

Counts come from the top-level <UnitTestResult> elements of each file (nested
InnerResults, which data-driven MSTest writes, are not counted twice):
    Passed                        -> passed
    NotExecuted, Inconclusive     -> skipped
    anything else (Failed, Error, Timeout, Aborted, ...) -> failed

A skipped test is "forbidden" (default WORD: MySql, matched case-insensitively) when WORD
occurs in its UnitTestResult@testName, in its class name (UnitTest/TestMethod@className,
which for an NUnit parameterised fixture carries the fixture arguments, e.g.
"Ns.RepoTests(MySql)"), or in one of its categories
(UnitTest/TestCategory/TestCategoryItem@TestCategory). UnitTest@id is matched to
UnitTestResult@testId.

Output: details, then one reason line per failed check, then exactly one last line
"N passed, N failed, N skipped". Exit status 1 when any check failed:
the dotnet exit code is not 0, a test failed, no test passed, no .trx file was found
or readable, or a forbidden test was skipped.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
PASSED = {"Passed"}
SKIPPED = {"NotExecuted", "Inconclusive"}


@dataclass
class Summary:
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    files: list[str] = field(default_factory=list)
    failed_tests: list[tuple[str, str]] = field(default_factory=list)
    skipped_tests: list[tuple[str, str]] = field(default_factory=list)
    forbidden_skipped: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def find_trx(paths: list[str]) -> list[str]:
    found: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            found.extend(sorted(glob.glob(os.path.join(p, "*.trx"))))
        elif os.path.isfile(p):
            found.append(p)
    return found


def first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


def read_trx(path: str, summary: Summary, forbidden: str) -> None:
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        summary.errors.append(f"cannot read {path}: {exc}")
        return

    # testId -> (className, [categories])
    definitions: dict[str, tuple[str, list[str]]] = {}
    for unit_test in root.findall("t:TestDefinitions/t:UnitTest", NS):
        method = unit_test.find("t:TestMethod", NS)
        class_name = method.get("className", "") if method is not None else ""
        categories = [
            item.get("TestCategory", "")
            for item in unit_test.findall("t:TestCategory/t:TestCategoryItem", NS)
        ]
        definitions[unit_test.get("id", "")] = (class_name, categories)

    counts = [0, 0, 0]
    for result in root.findall("t:Results/t:UnitTestResult", NS):
        name = result.get("testName", "?")
        outcome = result.get("outcome", "")
        class_name, categories = definitions.get(result.get("testId", ""), ("", []))
        display = f"{class_name}.{name}" if class_name else name
        if outcome in PASSED:
            counts[0] += 1
        elif outcome in SKIPPED:
            counts[2] += 1
            message = first_line(result.findtext("t:Output/t:ErrorInfo/t:Message", None, NS))
            if not message:
                message = first_line(result.findtext("t:Output/t:TextMessages/t:Message", None, NS))
            summary.skipped_tests.append((display, message))
            haystack = [name, class_name, *categories]
            if any(forbidden.lower() in h.lower() for h in haystack):
                cats = f" [categories: {', '.join(categories)}]" if categories else ""
                summary.forbidden_skipped.append(f"{display}{cats}: {message or outcome}")
        else:
            counts[1] += 1
            message = first_line(result.findtext("t:Output/t:ErrorInfo/t:Message", None, NS))
            summary.failed_tests.append((display, f"{outcome}: {message}" if message else outcome))

    summary.passed += counts[0]
    summary.failed += counts[1]
    summary.skipped += counts[2]
    # Deliberately not in the "N passed, N failed" shape: only the last line may look like that.
    summary.files.append(f"{path} -> passed={counts[0]} failed={counts[1]} skipped={counts[2]}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help=".trx files or directories holding them")
    parser.add_argument("--dotnet-exit-code", type=int, default=0)
    parser.add_argument("--forbid-skipped", default="MySql", metavar="WORD")
    args = parser.parse_args(argv)

    summary = Summary()
    files = find_trx(args.paths)
    for path in files:
        read_trx(path, summary, args.forbid_skipped)

    out: list[str] = []
    for line in summary.files:
        out.append(f"trx: {line}")
    for name, msg in summary.failed_tests:
        out.append(f"FAILED  {name}  -- {msg}")
    for name, msg in summary.skipped_tests:
        out.append(f"skipped {name}" + (f"  -- {msg}" if msg else ""))

    reasons: list[str] = list(summary.errors)
    if args.dotnet_exit_code != 0:
        reasons.append(f"dotnet test exited with code {args.dotnet_exit_code}")
    if not files:
        reasons.append(f"no .trx file found in: {' '.join(args.paths)}")
    if summary.failed > 0:
        reasons.append(f"{summary.failed} test(s) failed")
    if summary.passed == 0:
        reasons.append("no test passed (no test ran?)")
    if summary.forbidden_skipped:
        reasons.append(
            f"{len(summary.forbidden_skipped)} {args.forbid_skipped} test(s) were skipped; "
            f"they must run in CI (is TELECMI_TEST_MYSQL set and MariaDB up?):"
        )
        reasons.extend(f"  - {line}" for line in summary.forbidden_skipped)

    for line in out:
        print(line)
    for line in reasons:
        print(f"CI FAIL: {line}")
    print(f"{summary.passed} passed, {summary.failed} failed, {summary.skipped} skipped", flush=True)
    return 1 if reasons else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except Exception as exc:  # never end CI without the closing line
        print(f"CI FAIL: trx_summary.py crashed: {exc!r}")
        print("0 passed, 0 failed, 0 skipped", flush=True)
        sys.exit(1)
