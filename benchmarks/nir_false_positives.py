#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""How often a number that is no NIR passes every check of one, in text full
of long numbers, and so what a bare NIR's score should be.

    benchmarks/nir_false_positives.py [--numbers N] [--vigie PATH] [--manpages FILE]

A NIR written as a bare run of 15 digits has no separators to show its
shape: only its checks (sex, month, department, key) set it apart from
an order number. This script writes, under build/nir-fp/, texts of N
numbers each, one per line after a generic label ("identifiant :",
"numéro", "n°", "id"), drawn as systems draw them:

- uniform: 15 digits, uniformly at random;
- sequential: order numbers counting up from a random 15-digit start;
- timestamps: 15-digit cuts of dates and times (YYYYMMDDhhmmss + a
  digit, and Unix time in microseconds without its first digit);
- imei: 15-digit IMEIs with a Luhn check and real TAC prefixes;
- nir: valid NIRs (the positives), bare, after the same labels;

scans each with `vigie scan --min-score 0` and counts the FR_NIR findings
and their scores. With --manpages, the French manual pages' text too
(make_inputs.py's manpages.txt). Prints the pass rate of each source, the
findings at or above 0.5, and the recall of the positives.
"""

import argparse
import json
import os
import random
import subprocess
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ["identifiant : ", "Identifiant ", "numéro ", "n° ", "N° ", "id: ", "ID "]


def nir(rng):
    sex = rng.choice("12")
    year = rng.randint(0, 99)
    month = rng.randint(1, 12)
    dept = rng.choice([f"{d:02d}" for d in range(1, 96) if d != 20] + ["2A", "2B"])
    commune, order = rng.randint(1, 990), rng.randint(1, 999)
    body = f"{sex}{year:02d}{month:02d}{dept}{commune:03d}{order:03d}"
    numeric = int(body.replace("2A", "19").replace("2B", "18"))
    return f"{body}{97 - numeric % 97:02d}"


def luhn_complete(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:
            n = n * 2
            n = n - 9 if n > 9 else n
        total += n
    return digits + str((10 - total % 10) % 10)


def sources(rng, n):
    start = rng.randrange(10**14, 9 * 10**14)
    tacs = ["35", "86", "01", "99", "35"]
    return {
        "uniform": [f"{rng.randrange(10**14, 10**15)}" for _ in range(n)],
        "sequential": [f"{start + k}" for k in range(n)],
        "timestamps": [
            (f"{rng.randint(1990, 2030)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
             f"{rng.randint(0, 23):02d}{rng.randint(0, 59):02d}{rng.randint(0, 59):02d}"
             f"{rng.randint(0, 9)}") if k % 2 else
            f"{rng.randint(1_000_000_000_000_000, 1_900_000_000_000_000)}"[1:16]
            for k in range(n)],
        "imei": [luhn_complete(rng.choice(tacs) + f"{rng.randrange(10**11, 10**12)}")
                 for _ in range(n)],
        "nir": [nir(rng) for _ in range(n)],
    }


def scan(vigie, database, path):
    out = subprocess.run([vigie, "scan", "--database", database, "--kinds", "FR_NIR",
                          "--min-score", "0", "--format", "jsonl", path],
                         capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit(out.stderr.decode())
    return [json.loads(line) for line in out.stdout.splitlines()
            if json.loads(line)["type"] == "finding"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--numbers", type=int, default=200_000)
    ap.add_argument("--seed", type=int, default=97)
    ap.add_argument("--vigie", default=os.path.join(ROOT, "build/release/tools/vigie/vigie"))
    ap.add_argument("--manpages", help="the manual pages' text (make_inputs.py manpages.txt)")
    args = ap.parse_args()
    out_dir = os.path.join(ROOT, "build", "nir-fp")
    os.makedirs(out_dir, exist_ok=True)
    database = os.path.join(out_dir, "nir.vigiedb")
    rng = random.Random(args.seed)
    print(f"{args.numbers} numbers per source, one per line after a generic label; "
          f"FR_NIR findings by score:")
    print(f"  {'source':12s} {'pass rate':>12s} {'>= 0.5':>8s}  scores")
    for name, numbers in sources(rng, args.numbers).items():
        path = os.path.join(out_dir, f"{name}.txt")
        with open(path, "w", encoding="utf-8") as f:
            for k, number in enumerate(numbers):
                f.write(f"{LABELS[k % len(LABELS)]}{number}\n")
        found = scan(args.vigie, database, path)
        scores = Counter(round(f["score"], 3) for f in found)
        reported = sum(1 for f in found if f["score"] >= 0.5)
        rate = sum(1 for f in found if f["confirmed"]) / len(numbers)
        shown = ", ".join(f"{s}: {c}" for s, c in sorted(scores.items()))
        print(f"  {name:12s} {rate:12.6f} {reported:8d}  {shown}")
    if args.manpages:
        found = scan(args.vigie, database, args.manpages)
        size = os.path.getsize(args.manpages) / 1e6
        print(f"  manual pages, {size:.1f} MB: {len(found)} FR_NIR findings at any score, "
              f"{sum(1 for f in found if f['score'] >= 0.5)} at 0.5 or more")


if __name__ == "__main__":
    main()
