#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`vigie report` on an export the size of the 2021 leak: time and peak memory.

    benchmarks/report_scale.py [--rows 500000] [--jobs N] [--vigie PATH]

Writes build/bench-report/leak_export.csv (make_inputs.py's leak-shaped
export: a patient per row with name, birth date, address, phone, e-mail,
NIR, blood group, physician, insurer and a health comment; kept while its
row count is the one asked for), then times, in one run and alternately,
`vigie scan --format jsonl` (to /dev/null) and `vigie report` (HTML) on
it, three times each, and prints each one's best wall time and peak
resident memory, the report's counts, and the report's cost over the scan's.
"""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def measured(cmd):
    """Wall seconds and peak resident memory (MB) of one run of `cmd`."""
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"report_scale: {' '.join(cmd)} exited with {code}")
    return seconds, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=500_000)
    ap.add_argument("--jobs", type=int, default=0, help="vigie's -j (default: one per core)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--vigie", default=os.path.join(ROOT, "build/release/tools/vigie/vigie"))
    args = ap.parse_args()
    out = os.path.join(ROOT, "build", "bench-report")
    os.makedirs(out, exist_ok=True)
    export = os.path.join(out, "leak_export.csv")
    stamp = os.path.join(out, "rows")
    if not (os.path.exists(export) and os.path.exists(stamp)
            and open(stamp).read() == str(args.rows)):
        subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks/make_inputs.py"), out,
                        "--only", "leak_export.csv", "--rows", str(args.rows)], check=True)
        with open(stamp, "w") as f:
            f.write(str(args.rows))
    size = os.path.getsize(export) / 1e6
    database = os.path.join(out, "detectors.vigiedb")
    jobs = ["-j", str(args.jobs)] if args.jobs else []
    common = ["--database", database, *jobs]
    subprocess.run([args.vigie, "scan", *common, os.devnull],
                   stdout=subprocess.DEVNULL)  # compile once, outside the timings
    scan = [args.vigie, "scan", *common, "--format", "jsonl", export]
    report = [args.vigie, "report", *common, "--no-progress", "-o",
              os.path.join(out, "report.html"), export]
    best = {"scan": (1e9, 0), "report": (1e9, 0)}
    for _ in range(args.runs):
        for name, cmd in (("scan", scan), ("report", report)):
            seconds, rss = measured(cmd)
            best[name] = (min(best[name][0], seconds), max(best[name][1], rss))
    summary = json.loads(subprocess.run(
        [args.vigie, "report", *common, "--no-progress", "--format", "json", export],
        capture_output=True, check=True).stdout)
    cores = args.jobs or os.cpu_count()
    print(f"{args.rows} rows, {size:.1f} MB, {cores} thread(s), best of {args.runs}:")
    for name, (seconds, rss) in best.items():
        print(f"  vigie {name:6s} {seconds:6.2f} s  {size / seconds:5.1f} MB/s  "
              f"peak {rss:6.0f} MB")
    print(f"  report / scan: {best['report'][0] / best['scan'][0]:.2f} of the time")
    people = summary["people"]["persons"]
    print(f"  records {summary['inputs']['records']}, people {people['count']} "
          f"(exact: {people['exact']}), health records {summary['special']['health']['records']}, "
          f"severity {summary['severity']['level']}")


if __name__ == "__main__":
    main()
