#!/usr/bin/env python3
"""CPU accounting around one scenario, to show whether something else on the machine competed with it.

  cpu.py snap FILE                     record every process's CPU time (utime+stime) now
  cpu.py diff BEFORE AFTER --out JSON [--service PID] [--db PID] [--standin PID]
        CPU seconds used in between by: the service, the bench MariaDB, the TeleCMI stand-in, the load generators (wrk, RawDb, the
        harness), kernel threads, and every other process ("foreign"), with the top foreign commands. A process that exited in
        between counts through its parent (the children's CPU the kernel adds to a parent that reaps them).
        python3 stdlib only.
"""
import json
import os
import sys
import time

HZ = os.sysconf("SC_CLK_TCK")


def snap():
    procs = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                raw = f.read()
            comm = raw[raw.index("(") + 1:raw.rindex(")")]
            fields = raw[raw.rindex(")") + 2:].split()
            ticks = int(fields[11]) + int(fields[12])
            # cutime + cstime: the CPU of its children that exited and were reaped (wrk under timeout, RawDb, a
            # build's compilers): gone from /proc by the second snapshot, counted here with the parent's kind.
            child_ticks = int(fields[13]) + int(fields[14])
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()[:160]
            # starttime tells a reused pid apart (comm does not: a kworker's changes with its work queue)
            procs[pid] = [comm, ticks, cmd, child_ticks, int(fields[19])]
        except (OSError, ValueError, IndexError):
            continue
    return {"time": time.time(), "procs": procs}


def classify(pid, comm, cmd, service, db, standin):
    if pid == service:
        return "service"
    if pid == standin:
        return "standin"
    if pid == db or comm in ("mariadbd", "mysqld") and "telecmi-bench" in cmd:
        return "bench_mariadb"
    if not cmd:
        return "kernel"  # kernel threads (kworker, ksoftirqd...): mostly the I/O and network of the bench itself
    if comm == "wrk" or "TeleCmi.Bench.RawDb" in cmd or "bench/cpu.py" in cmd or "bench/run.sh" in cmd:
        return "load_generator"
    return "foreign"


def main():
    if sys.argv[1] == "snap":
        with open(sys.argv[2], "w") as f:
            json.dump(snap(), f)
        return
    args = sys.argv[2:]
    before, after = json.load(open(args[0])), json.load(open(args[1]))
    opts = {args[i]: args[i + 1] for i in range(2, len(args) - 1, 2)}
    service, db, standin = opts.get("--service", ""), opts.get("--db", ""), opts.get("--standin", "")
    wall = after["time"] - before["time"]
    totals = {"service": 0.0, "bench_mariadb": 0.0, "load_generator": 0.0, "standin": 0.0, "kernel": 0.0, "foreign": 0.0}
    foreign = []
    for pid, (comm, ticks, cmd, child_ticks, started) in after["procs"].items():
        start = before["procs"].get(pid)
        same = start is not None and start[4] == started
        delta = (ticks - start[1] + child_ticks - start[3] if same else ticks + child_ticks) / HZ
        if delta <= 0:
            continue
        kind = classify(pid, comm, cmd, service, db, standin)
        totals[kind] += delta
        if kind == "foreign":
            foreign.append((delta, cmd or comm))
    foreign.sort(reverse=True)
    out = {
        "wall_s": round(wall, 1),
        "cores": os.cpu_count(),
        "cpu_s": {k: round(v, 1) for k, v in totals.items()},
        "foreign_share": round(totals["foreign"] / (wall * os.cpu_count()), 3) if wall > 0 else 0,
        "top_foreign": [{"cpu_s": round(d, 1), "cmd": c} for d, c in foreign[:3]],
    }
    with open(opts["--out"], "w") as f:
        json.dump(out, f)


if __name__ == "__main__":
    main()
