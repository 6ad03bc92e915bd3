#!/usr/bin/env python3
"""Zero-lost check for the webhook scenarios (python3 stdlib + the mariadb client).

  check_deliveries.py IDS_FILE SINCE_ID OUT_JSON -- <mariadb client command...>

IDS_FILE: every delivery id the service answered 200 for (written by bench/lua/bench.lua's done()).
SINCE_ID: the highest webhook_deliveries.Id before the measured run.
Writes: acknowledged (200s with an id), stored (rows since SINCE_ID), lost (acknowledged ids with no row),
unprocessed (acknowledged rows still Match='Received' or ProcessedAt NULL; also counted over all rows since
SINCE_ID), in_flight_at_stop (rows stored whose 200 wrk did not wait for when the time was up).
"""
import json
import subprocess
import sys


def main():
    ids_file, since, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    client = sys.argv[sys.argv.index("--") + 1:]
    with open(ids_file) as f:
        acked = {int(line) for line in f if line.strip()}
    rows = subprocess.run(client + ["-N", "-B", "-e",
                          f"SELECT Id, (`Match` = 'Received' OR ProcessedAt IS NULL) FROM webhook_deliveries WHERE Id > {since}"],
                          check=True, capture_output=True, text=True).stdout.split("\n")
    stored = {}
    for r in rows:
        if r.strip():
            i, u = r.split("\t")
            stored[int(i)] = u == "1"
    lost = sorted(i for i in acked if i not in stored)
    result = {
        "acknowledged": len(acked),
        "stored": len(stored),
        "lost": len(lost),
        "lost_sample": lost[:10],
        "unprocessed_acknowledged": sum(1 for i in acked if stored.get(i)),
        "unprocessed": sum(1 for u in stored.values() if u),
        "in_flight_at_stop": len(set(stored) - acked),
        "since_id": since,
    }
    with open(out, "w") as f:
        json.dump(result, f)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
