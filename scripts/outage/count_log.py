#!/usr/bin/env python3
"""Counts a JSON console log (one object a line) by level, and by category for Warning and above; bytes too.

  python3 scripts/outage/count_log.py api.log [--since 2026-12-05T09:30:00Z]
"""
import collections
import json
import sys


def main():
    path = sys.argv[1]
    since = sys.argv[sys.argv.index("--since") + 1] if "--since" in sys.argv else None
    levels, categories = collections.Counter(), collections.Counter()
    entries = size = other = 0
    with open(path, "rb") as log:
        for raw in log:
            try:
                entry = json.loads(raw)
            except ValueError:
                other += 1
                continue
            if since and entry.get("Timestamp", "") < since:
                continue
            entries += 1
            size += len(raw)
            levels[entry.get("LogLevel")] += 1
            if entry.get("LogLevel") in ("Warning", "Error", "Critical"):
                categories[f'{entry.get("LogLevel")} {entry.get("Category")} {entry.get("EventId")}'] += 1
    print(json.dumps({"entries": entries, "bytes": size, "non_json_lines": other, "by_level": dict(levels),
                      "warning_and_above_by_category": dict(categories.most_common())}, indent=1))


if __name__ == "__main__":
    main()
