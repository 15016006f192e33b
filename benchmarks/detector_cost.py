#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""What each detector costs on one input: time per MB and per finding.

    benchmarks/detector_cost.py [FILE] [--vigie PATH] [--rounds N]

Scans FILE (default build/bench-inputs/leak_export.csv, made by
make_inputs.py) with `vigie scan --format jsonl --kinds K` for each kind
that a full scan of it reports, best of N runs, and subtracts the time of
the same scan of a one-line file (start-up, the detectors loaded from the
cache), so that what remains is the scan. Prints a Markdown table, slowest
first. A detector alone does less work than among the others (no overlaps
to resolve with them), so the rows add up to less than the full scan.
"""
import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def best(cmd, rounds, env):
    times = []
    out = b""
    for _ in range(rounds):
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
        if proc.returncode not in (0, 1):
            sys.exit("detector_cost: %s: %s" % (" ".join(cmd), proc.stderr.decode()))
        out = proc.stdout
    return min(times), out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?",
                    default=os.path.join(ROOT, "build", "bench-inputs", "leak_export.csv"))
    ap.add_argument("--vigie", default=os.path.join(ROOT, "build", "release", "tools", "vigie",
                                                    "vigie"))
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    env = dict(os.environ, VIGIE_CACHE_DIR=os.path.join(ROOT, "build", "bench-cache"))
    tiny = os.path.join(ROOT, "build", "bench-cache", "one_line.txt")
    os.makedirs(os.path.dirname(tiny), exist_ok=True)
    with open(tiny, "w") as f:
        f.write("Bonjour, rien à signaler.\n")
    mb = os.path.getsize(args.file) / 1e6
    scan = [args.vigie, "scan", "--format", "jsonl", "-j", "1"]
    full, out = best(scan + [args.file], 1, env)
    by_kind = json.loads(out.decode().splitlines()[-1])["by_kind"]
    rows = []
    for kinds, label in [(None, "all detectors")] + [(k, k) for k in sorted(by_kind)]:
        extra = ["--kinds", kinds] if kinds else []
        best(scan + extra + [tiny], 1, env)  # compile and cache these detectors
        start, _ = best(scan + extra + [tiny], args.rounds, env)
        t, out = best(scan + extra + [args.file], args.rounds, env)
        found = json.loads(out.decode().splitlines()[-1])["findings"]
        net = max(t - start, 1e-4)
        rows.append((net, label, found))
    print("%s, %.2f MB\n" % (os.path.basename(args.file), mb))
    print("| detector | findings | ms per MB | µs per finding |")
    print("|---|---|---|---|")
    for net, label, found in sorted(rows, reverse=True):
        per_finding = "%.1f" % (net * 1e6 / found) if found else "-"
        print("| %s | %d | %.0f | %s |" % (label, found, net * 1000 / mb, per_finding))
    return 0


if __name__ == "__main__":
    sys.exit(main())
