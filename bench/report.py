#!/usr/bin/env python3
"""Turns one bench run directory (bench/results/runs/<id>) into a Markdown table (python3 stdlib only).

  python3 bench/report.py bench/results/runs/<id> [--out bench/results/latest.md]

Inputs, all written by bench/run.sh: meta.json; <scenario>.json (wrk's done(), latencies in microseconds);
<scenario>.rss ("epoch_s rss_mb" per second); webhooks.db.json / soak.db.json (rows stored, rows unprocessed);
baseline-<scenario>.json (bench/RawDb).
"""
import argparse
import json
import os
import sys

RSS_LIMIT_MB = 300


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def rss(path):
    samples = []
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2 and int(parts[1]) > 0:
                    samples.append(int(parts[1]))
    except OSError:
        pass
    return samples


def ms(us):
    return None if us is None else us / 1000.0


def fmt_ms(v):
    if v is None:
        return "–"
    return f"{v:.1f} ms" if v < 100 else f"{v:.0f} ms"


def fmt_share(v):
    return "–" if v is None else f"{v * 100:.0f} %"


def fmt_rate(v):
    return "–" if v is None else f"{v:,.0f}"


class Row:
    def __init__(self, run, sid, label, expected=200):
        self.sid, self.label = sid, label
        self.data = load(os.path.join(run, f"{sid}.json"))
        self.rss = rss(os.path.join(run, f"{sid}.rss"))
        self.skipped = self.data is not None and "skipped" in self.data
        self.ran = self.data is not None and not self.skipped
        self.rps = self.p50 = self.p99 = None
        self.errors = None
        if self.ran:
            d = self.data
            secs = d["duration_us"] / 1e6
            self.rps = d["requests"] / secs if secs else 0
            self.p50, self.p99 = ms(d["latency_us"]["p50"]), ms(d["latency_us"]["p99"])
            unexpected = sum(v for k, v in d["statuses"].items() if int(k) != expected)
            self.ok = d["statuses"].get(str(expected), 0)
            if self.ok == 0:
                # Nothing succeeded: wrk's percentiles then describe failures (or nothing at all).
                self.p50 = self.p99 = None
            sock = sum(d["socket_errors"].values())
            # wrk counts requests it sent; a request still open when time ran out has no status.
            self.errors = unexpected + sock
            self.statuses = d["statuses"]
        self.max_rss = max(self.rss) if self.rss else None
        self.cpu = load(os.path.join(run, f"{sid}.cpu.json"))
        self.foreign = self.cpu.get("foreign_share") if self.cpu else None
        self.baseline = None
        self.target, self.verdict = "", None


def delivery_text(db):
    if not db:
        return "no delivery check."
    return (f"{db.get('acknowledged', 0):,} deliveries answered 200, {db.get('lost')} of them missing from `webhook_deliveries` (lost), "
            f"{db.get('unprocessed')} rows left unprocessed (Match=Received or ProcessedAt NULL); "
            f"{db.get('in_flight_at_stop')} more rows stored for requests still in flight when wrk stopped.")


def verdict(ok):
    return "**PASS**" if ok else "**FAIL**"


CPU_PARTS = ("service", "bench_mariadb", "standin", "load_generator", "kernel")


def cpu_table(run, rows, meta):
    """CPU per request of each scenario and baseline, and what the machine's cores allow for that cost: at most
    cores ÷ CPU per request requests/s, so with C connections in a closed loop a mean latency of at least C ÷ that."""
    cores = meta.get("nproc") or 2
    out = []
    for sid, r in rows.items():
        if "_c1" in sid or sid == "initiate_paced":
            continue  # below saturation: their CPU per request is mostly idle spinning between requests
        # A scenario's CPU is counted over its measured run; a baseline's over the whole RawDb process, warm-up
        # included, at the same load: per request = its average CPU rate ÷ its measured rate.
        entries = [(r.label, r.cpu, r.data["requests"] / r.cpu["wall_s"] if r.ran and r.cpu and r.cpu.get("wall_s") else None, meta.get("connections", 32))]
        if r.baseline:
            entries.append((f"baseline {sid} (bench/RawDb, same SQL)", load(os.path.join(run, f"baseline-{sid}.cpu.json")),
                            r.baseline.get("rps"), r.baseline.get("workers")))
        for label, cpu, rate, conns in entries:
            if not cpu or not rate or not cpu.get("wall_s"):
                continue
            c = cpu.get("cpu_s", {})
            per = {k: 1000 * c.get(k, 0) / cpu["wall_s"] / rate for k in CPU_PARTS}
            total = sum(per.values())
            if total <= 0:
                continue
            ceiling = cores * 1000 / total
            out.append(f"| {label} | {per['service']:.2f} | {per['bench_mariadb']:.2f} | {per['standin']:.2f} | "
                       f"{per['load_generator'] + per['kernel']:.2f} | {total:.2f} | {fmt_rate(ceiling)} | "
                       f"{fmt_ms(1000 * conns / ceiling) if conns else '–'} |")
    if not out:
        return []
    conns = meta.get("connections", 32)
    return ["", f"CPU per request (ms of CPU time; bench/cpu.py), and what {cores} cores allow for that cost: at most cores ÷ CPU "
                f"per request requests/s, so with {conns} connections waiting in a closed loop a mean latency of at least {conns} ÷ "
                "that (Little's law; a p99 is higher still; a baseline's uses its own workers):", "",
            "| scenario | service | MariaDB | stand-in | load tool + kernel | all | ceiling req/s | least mean latency |",
            "|---|---:|---:|---:|---:|---:|---:|---:|"] + out


def main():
    p = argparse.ArgumentParser()
    p.add_argument("run")
    p.add_argument("--out")
    args = p.parse_args()
    run = args.run
    meta = load(os.path.join(run, "meta.json")) or {}
    quick = meta.get("quick", False)

    rows = {
        "list_agent": Row(run, "list_agent", "(1) agent's first page `GET /api/calls?limit=20`"),
        "list_agent_nototal": Row(run, "list_agent_nototal", "(1′) the same without the total (`includeTotal=false`)"),
        "list_supervisor": Row(run, "list_supervisor", "(2) supervisor, completed, ~30-day window"),
        "deep_offset": Row(run, "deep_offset", f"(3a) deep page, offset {meta.get('deep_offset', 10000):,}"),
        "deep_cursor": Row(run, "deep_cursor", f"(3b) deep page by cursor (depth {meta.get('deep_offset', 10000):,})"),
        "webhooks": Row(run, "webhooks", "(4) webhooks `POST /api/webhooks/telecmi`"),
        "report_30d": Row(run, "report_30d", "(5a) daily report, 30 days"),
        "report_30d_c1": Row(run, "report_30d_c1", "(5a′) the same at 1 connection"),
        "report_18m": Row(run, "report_18m", "(5b) daily report, 18 months"),
        "report_18m_c1": Row(run, "report_18m_c1", "(5b′) the same at 1 connection"),
        "initiate": Row(run, "initiate", f"(6) `POST /api/calls` (stand-in at {meta.get('click2call_latency_ms', 50)} ms)", expected=201),
        "initiate_paced": Row(run, "initiate_paced", f"(6‴) the same, 32 connections paced (~{meta.get('pace_ms', 640)} ms between a connection's calls)", expected=201),
        "initiate_c1": Row(run, "initiate_c1", "(6′) the same at 1 connection (no queueing)", expected=201),
        "standin_c1": Row(run, "standin_c1", "(6″) the stand-in's click2call alone, 1 connection", expected=200),
        "soak": Row(run, "soak", f"soak: (1)+(2)+(4) mix, {meta.get('soak_s', 300)} s"),
    }
    for sid in ("list_agent", "list_agent_nototal", "list_supervisor", "webhooks"):
        b = load(os.path.join(run, f"baseline-{sid}.json"))
        if b:
            rows[sid].baseline = b

    notes = []
    # ---- targets
    for sid in ("list_agent", "list_agent_nototal", "list_supervisor"):
        r = rows[sid]
        r.target = "≥ 60 % of baseline req/s; p99 < 50 ms"
        if r.ran:
            ok = r.p99 is not None and r.p99 < 50 and r.errors == 0
            if r.baseline and r.baseline.get("rps"):
                ok = ok and r.rps >= 0.6 * r.baseline["rps"]
            else:
                notes.append(f"{sid}: no baseline measured, only p99 and errors judged.")
            r.verdict = verdict(ok)
    first = rows["list_agent"]
    for sid in ("deep_offset", "deep_cursor"):
        r = rows[sid]
        r.target = "p50 ≤ 3 × (1)'s p50"
        if r.ran and first.ran:
            r.target += f" (≤ {fmt_ms(3 * first.p50)})"
            r.verdict = verdict(r.p50 is not None and r.p50 <= 3 * first.p50 and r.errors == 0)
    w = rows["webhooks"]
    w.target = "≥ 1,500/s for 60 s, 0 errors, 0 lost"
    if w.ran:
        db = load(os.path.join(run, "webhooks.db.json")) or {}
        if db.get("lost") is None and "stored" in db:  # written by an older run.sh: no per-id check
            db = {}
        results = ", ".join(f"{k} {v:,}" for k, v in sorted(w.data.get("webhook_results", {}).items()))
        notes.append(f"(4) webhooks: {delivery_text(db)} Results: {results or '–'}.")
        dur = w.data["duration_us"] / 1e6
        w.verdict = verdict(w.rps >= 1500 and w.errors == 0 and db.get("lost") == 0
                            and db.get("unprocessed") == 0 and dur >= 59)
    for sid, limit in (("report_30d", 100), ("report_30d_c1", 100), ("report_18m", 1000), ("report_18m_c1", 1000)):
        r = rows[sid]
        r.target = f"p50 < {fmt_ms(limit) if limit < 1000 else '1 s'}"
        if r.ran:
            r.verdict = verdict(r.p50 is not None and r.p50 < limit and r.errors == 0)
            if r.errors:
                notes.append(f"{sid}: statuses {r.statuses}, socket errors {r.data['socket_errors']} "
                             f"(wrk gives up on a request after {meta.get('wrk_timeout', '10s')}).")
    lat = meta.get("click2call_latency_ms", 50)
    standin = rows["standin_c1"]
    standin.target = f"the stand-in's own latency (set to {lat} ms)"
    if standin.ran and standin.p50 is not None:
        standin.target += f": {standin.p50 - lat:+.1f} ms over the setting"
        if standin.errors:
            notes.append(f"standin_c1 statuses: {standin.statuses} (non-200 counted as errors).")
    for sid in ("initiate", "initiate_paced", "initiate_c1"):
        r = rows[sid]
        # Below saturation (paced, one connection) the stand-in's own latency is measured in the same run (6″) and
        # subtracted; in the closed-loop (6), and when (6″) did not run, the setting is.
        own = standin.p50 if sid != "initiate" and standin.ran and standin.p50 is not None and standin.errors == 0 else None
        r.target = f"added p50 (p50 − {'(6″) p50' if own is not None else f'{lat} ms'}) < 5 ms"
        if r.ran and r.p50 is not None:
            added = r.p50 - (own if own is not None else lat)
            r.target += f": {added:+.1f} ms"
            if own is not None:
                r.target += f" ({r.p50 - lat:+.1f} ms over the {lat} ms setting)"
            r.verdict = verdict(added < 5 and r.errors == 0)
            if r.errors:
                notes.append(f"{sid} statuses: {r.statuses} (non-201 counted as errors).")
    if rows["initiate"].ran:
        notes.append("(6) at 32 connections is closed-loop: when the service is saturated its p50 is mostly queueing "
                     "(32 connections ÷ throughput), and every call also brings six stand-in webhooks "
                     f"({meta.get('event_spacing_ms', '?')} ms apart) to the same service. (6′) shows the added latency of one call alone.")
        t = load(os.path.join(run, "initiate_c1.timings.json"))
        c1, alone = rows["initiate_c1"], rows.get("standin_c1")
        if t and t.get("server_ms") and t.get("click2call_ms") and c1.ran and c1.data.get("latency_us", {}).get("mean"):
            client = c1.data["latency_us"]["mean"] / 1000
            own = t["server_ms"] - t["click2call_ms"]
            split = (f"(6′) split by the service's own metrics (means over {t['calls']} calls): {client:.1f} ms at wrk = "
                     f"{t['server_ms']:.1f} ms inside the server (ASP.NET Core's request duration) + {client - t['server_ms']:.1f} ms "
                     f"outside it (HTTP, Kestrel, wrk); inside, the gateway's click2call took {t['click2call_ms']:.1f} ms")
            if alone is not None and alone.ran and alone.data.get("latency_us", {}).get("mean"):
                split += f" (the stand-in alone, from wrk: {alone.data['latency_us']['mean'] / 1000:.1f} ms)"
            split += f", so the service's own work (JWT check, its statements, the rest) is {own:.1f} ms per call."
            raw = load(os.path.join(run, "baseline-initiate.json"))
            if raw and raw.get("p50_us"):
                split += (f" Its five statements sent straight to MariaDB by bench/RawDb at one connection, idle "
                          f"{raw.get('gap_ms')} ms where TeleCMI answers (the idle time not counted): p50 "
                          f"{fmt_ms(ms(raw['p50_us']))}, p99 {fmt_ms(ms(raw.get('p99_us')))} — the database's part alone"
                          + (f", against the 5 ms target for everything the service adds." if raw['p50_us'] >= 4000 else "."))
            notes.append(split)
        if not meta.get("click2call_latency_option_on_main", False):
            notes.append("(6): this service has no `TeleCmi:Simulator:ClickToCallLatencyMs` yet, so the stand-in answered at once "
                          "and p50 − 50 ms understates the added latency (can be negative). Re-run once main has the option.")

    # ---- soak
    s = rows["soak"]
    soak_line = None
    if s.ran and s.rss:
        n = len(s.rss)
        window = min(60, max(1, n // 3))
        first_avg = sum(s.rss[:window]) / window
        last_avg = sum(s.rss[-window:]) / window
        growth = (last_avg - first_avg) / first_avg * 100 if first_avg else 0
        s.target = f"RSS < {RSS_LIMIT_MB} MB, no growth"
        s.verdict = verdict(max(s.rss) < RSS_LIMIT_MB and growth <= 10 and s.errors == 0)
        soak_line = (f"Soak RSS: first {window} s average {first_avg:.0f} MB, last {window} s average {last_avg:.0f} MB "
                     f"({growth:+.1f} %), max {max(s.rss)} MB over {n} samples. \"No growth\" = last ≤ first + 10 %.")
        db = load(os.path.join(run, "soak.db.json")) or {}
        if db:
            soak_line += " Webhooks in the soak: " + delivery_text(db)
            if db.get("lost") or db.get("unprocessed"):
                s.verdict = verdict(False)

    # ---- table
    lines = []
    title = "TeleCmi benchmark" + (" — QUICK smoke run (small seed, short runs: not comparable with the targets)" if quick else "")
    lines.append(f"# {title}")
    lines.append("")
    lines.append(f"Run `{meta.get('run_id', os.path.basename(run))}` on commit `{meta.get('git_commit', '?')}` "
                 f"(branch {meta.get('git_branch', '?')}); {meta.get('nproc', '?')} cores ({meta.get('cpu', '?')}), {meta.get('mem_gib', '?')} GiB; "
                 f"MariaDB {meta.get('mariadb', '?')} (buffer pool {meta.get('buffer_pool', '?')}); .NET SDK {meta.get('dotnet', '?')}; wrk {meta.get('wrk', '?')}.")
    lines.append(f"Data: {meta.get('calls_total', 0):,} call logs, {meta.get('agents', 50)} agents. Load: wrk {meta.get('threads', 2)} threads, "
                 f"{meta.get('connections', 32)} connections, {meta.get('duration_s', '?')} s per scenario ({meta.get('webhook_duration_s', '?')} s webhooks), "
                 f"after a short unrecorded warm-up. Service and database share the machine with wrk. "
                 "\"other CPU\": share of the machine's CPU used by user processes that are neither the service, the bench MariaDB, the TeleCMI stand-in nor the load generator (kernel threads excluded).")
    lines.append("")
    lines.append("| scenario | req/s | p50 | p99 | errors | max RSS | baseline req/s | ratio | other CPU | target | result |")
    lines.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    for sid, r in rows.items():
        if r.skipped:
            lines.append(f"| {r.label} | – | – | – | – | – | – | – | – | {r.target} | {r.data['skipped']} |")
            continue
        if not r.ran:
            continue
        b = r.baseline
        brps = b.get("rps") if b else None
        ratio = f"{r.rps / brps * 100:.0f} %" if brps else "–"
        p50 = fmt_ms(r.p50) if r.p50 is not None else "none OK"
        p99 = fmt_ms(r.p99) if r.p99 is not None else "none OK"
        lines.append(f"| {r.label} | {fmt_rate(r.rps)} | {p50} | {p99} | {r.errors} | "
                     f"{r.max_rss if r.max_rss is not None else '–'} MB | {fmt_rate(brps)} | {ratio} | {fmt_share(r.foreign)} | {r.target} | {r.verdict or '–'} |")
        if r.foreign is not None and r.foreign > 0.05:
            top = "; ".join(f"{t['cpu_s']} CPU-s `{t['cmd'][:70]}`" for t in r.cpu.get("top_foreign", []))
            notes.append(f"{sid}: other processes used {r.foreign * 100:.0f} % of the machine during the run ({top}): numbers disturbed.")
    all_rss = [x for r in rows.values() for x in r.rss]
    if all_rss:
        lines.append(f"| service RSS, every scenario | | | | | {max(all_rss)} MB | | | | < {RSS_LIMIT_MB} MB throughout | "
                     f"{verdict(max(all_rss) < RSS_LIMIT_MB)} |")
    lines.append("")
    standin_rss = {sid: rss(os.path.join(run, f"{sid}.standin.rss")) for sid in rows}
    standin_rss = {sid: max(v) for sid, v in standin_rss.items() if v}
    if standin_rss:
        top = max(standin_rss, key=standin_rss.get)
        lines.append(f"TeleCMI stand-in: its own process (as TeleCMI is), at most {meta.get('standin_webhook_posts', '?')} webhook posts "
                     f"in flight, the rest queued in it; its max RSS {standin_rss[top]} MB (in {top}). Not the service's memory.")
        lines.append("")
    elif meta.get("standin") == "inprocess":
        lines.append("TeleCMI stand-in: inside the service's process (BENCH_STANDIN=inprocess): its queued webhooks count in the service's RSS.")
        lines.append("")
    baselines = [(sid, r.baseline) for sid, r in rows.items() if r.baseline]
    if baselines:
        def shape(b):
            if (b.get("batch") or 1) > 1:
                return f" (group commit: batches of {b['batch']} on {b.get('workers')} writers, applied share {b.get('applied_share')})"
            return f" (applied share {b['applied_share']})" if b.get("applied_share") is not None else ""
        lines.append("Baseline (bench/RawDb: the same SQL straight to MariaDB, 32 workers on a 32-connection pool, no HTTP): " + "; ".join(
            f"{sid} {fmt_rate(b.get('rps'))}/s, p50 {fmt_ms(ms(b.get('p50_us')))}, p99 {fmt_ms(ms(b.get('p99_us')))}, errors {b.get('errors')}{shape(b)}"
            for sid, b in baselines) + ".")
        for sid, _ in baselines:
            c = load(os.path.join(run, f"baseline-{sid}.cpu.json"))
            if c and c.get("foreign_share", 0) > 0.05:
                notes.append(f"baseline {sid}: other processes used {c['foreign_share'] * 100:.0f} % of the machine: baseline disturbed.")
        lines.append("")
    if soak_line:
        lines.append(soak_line)
        lines.append("")
    if meta.get("cursor_status") not in (None, "ok", "not run"):
        notes.append(f"(3b): {meta['cursor_status']}")
    try:
        with open(os.path.join(run, "incidents.txt")) as f:
            for line in f:
                if line.strip():
                    notes.insert(0, "**Incident:** " + line.strip())
    except OSError:
        pass
    for n in notes:
        lines.append(f"- {n}")
    lines += cpu_table(run, rows, meta)
    text = "\n".join(lines).rstrip() + "\n"
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w") as f:
            f.write(text)
        with open(os.path.join(run, "report.md"), "w") as f:
            f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
