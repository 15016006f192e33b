#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""vigie against an earlier vigie, on the same inputs, in one run.

    benchmarks/side_by_side.py [--base COMMIT] [--scale BYTES] [--rounds N]

Builds COMMIT (default e3738be, the engine before its rewrite) beside the
current tree (build/baseline), writes the inputs of make_inputs.py
(build/bench-inputs), then runs `vigie scan --format jsonl` of both
programs on each input (the new one with -j 1: one core against one),
alternately, N rounds, and prints the best time of
each, its throughput and the ratio as a Markdown table. Both programs load
their compiled detectors (the old one with --database, the new one from its
cache), and the time of a scan of a one-line file is subtracted from each
run to give the throughput of scanning; the one-line time is printed too.
ripgrep (`rg -c zqxjzqxj FILE`, absent literal) is timed on the same
files when it is installed, as the ceiling of reading.

This machine is shared and noisy: only ratios from one run mean anything.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = os.path.join(ROOT, "build")
INPUTS = ["leak_export.csv", "clinical_notes.txt", "messages.txt", "records.jsonl",
          "manpages.txt"]


def sh(*cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def build_base(commit):
    src = os.path.join(BUILD, "baseline-src-" + commit)
    out = os.path.join(BUILD, "baseline-" + commit)
    vigie = os.path.join(out, "tools", "vigie", "vigie")
    if os.path.exists(vigie):
        return vigie
    if not os.path.isdir(src):
        os.makedirs(src)
        archive = subprocess.run(["git", "-C", ROOT, "archive", commit], check=True,
                                 capture_output=True).stdout
        sh("tar", "-x", "-C", src, input=archive)
    sh("cmake", "-S", src, "-B", out, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=RelWithDebInfo",
       "-DVIGIE_BUILD_TESTS=OFF", "-DVIGIE_BUILD_BENCHMARKS=OFF", "-DVIGIE_BUILD_EXAMPLES=OFF",
       stdout=subprocess.DEVNULL)
    sh("cmake", "--build", out, "-j2", "--target", "vigie_cli", stdout=subprocess.DEVNULL)
    return vigie


def timed(cmd, env=None):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit("side_by_side: %s failed: %s" % (" ".join(cmd), proc.stderr.decode()))
    return elapsed


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="e3738be")
    ap.add_argument("--scale", type=int, default=1 << 20,
                    help="bytes of the slow inputs (leak export, clinical notes); 8x for the others")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--vigie", default=os.path.join(BUILD, "release", "tools", "vigie", "vigie"))
    args = ap.parse_args()

    base = build_base(args.base)
    inputs = os.path.join(BUILD, "bench-inputs")
    # The inputs that the old engine scans at well under 1 MB/s are kept at
    # --scale; the others are 8 times larger, so that start-up does not
    # hide their scanning time.
    make = os.path.join(HERE, "make_inputs.py")
    sh(sys.executable, make, inputs, "--scale", str(args.scale),
       "--only", "leak_export.csv,clinical_notes.txt,manpages.txt")
    sh(sys.executable, make, inputs, "--scale", str(8 * args.scale),
       "--only", "messages.txt,records.jsonl")
    tiny = os.path.join(inputs, "one_line.txt")
    with open(tiny, "w") as f:
        f.write("Bonjour, rien à signaler.\n")
    env = dict(os.environ, VIGIE_CACHE_DIR=os.path.join(BUILD, "bench-cache"))
    base_db = os.path.join(BUILD, "bench-cache", "baseline-%s.vigiedb" % args.base)
    os.makedirs(os.path.dirname(base_db), exist_ok=True)
    programs = {
        "base": lambda path: [base, "scan", "--format", "jsonl", "--database", base_db, path],
        "new": lambda path: [args.vigie, "scan", "--format", "jsonl", "-j", "1", path],
    }
    for make in programs.values():  # compile and keep the detectors once
        timed(make(tiny), env)
    best = {}
    names = ["one_line.txt"] + [n for n in INPUTS if os.path.exists(os.path.join(inputs, n))]
    for _ in range(args.rounds):
        for name in names:
            path = os.path.join(inputs, name)
            for program, make in programs.items():
                t = timed(make(path), env)
                best[program, name] = min(best.get((program, name), t), t)
            if shutil.which("rg"):
                t = timed(["rg", "-c", "zqxjzqxj", path])
                best["rg", name] = min(best.get(("rg", name), t), t)

    cpu = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    print("vigie %s vs %s, best of %d alternating runs, %s, %d cores\n"
          % (os.path.basename(args.vigie), args.base, args.rounds, cpu, os.cpu_count()))
    print("| input | MB | %s s | new s | %s MB/s | new MB/s | ratio | rg MB/s |"
          % (args.base, args.base))
    print("|---|---|---|---|---|---|---|---|")
    start = {p: best[p, "one_line.txt"] for p in programs}
    for name in names[1:]:
        mb = os.path.getsize(os.path.join(inputs, name)) / 1e6
        net = {p: max(best[p, name] - start[p], 1e-4) for p in programs}
        rg = "%.0f" % (mb / best["rg", name]) if ("rg", name) in best else "-"
        print("| %s | %.2f | %.2f | %.3f | %.2f | %.1f | %.1fx | %s |"
              % (name, mb, best["base", name], best["new", name], mb / net["base"],
                 mb / net["new"], net["base"] / net["new"], rg))
    print("| one-line file (start-up) | 0 | %.3f | %.3f | | | %.1fx | |"
          % (start["base"], start["new"], start["base"] / start["new"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
