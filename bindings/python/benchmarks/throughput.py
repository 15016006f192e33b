#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Records per second through the Python package.

    build/venv-python/bin/python bindings/python/benchmarks/throughput.py [--records N]

Generates N records of about 100 bytes (a name, a phone, a NIR with a valid
key or an e-mail, a comment with health terms in some), then times
`scan()` one record at a time, `scan_batch()` over all of them in one
thread, and `scan_batch()` over two halves in two threads. One run; the
machine is shared and noisy, compare ratios within a run.
"""
import argparse
import os
import platform
import random
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import vigie

GIVEN = ["Jean", "Marie", "Pierre", "Hélène", "Loïc", "Chloé", "Nathalie", "Éric"]
FAMILY = ["MARTIN", "BERNARD", "DUBOIS", "GARNIER", "LEFÈVRE", "ROUSSEAU", "PETIT"]
COMMENTS = ["RAS, contrôle dans six mois", "Sérologie VIH négative", "Grossesse de 12 SA",
            "Allergie pénicilline", "Bilan lipidique normal", "Suivi diabète de type 2"]


def nir(rng):
    body = f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}" \
           f"{rng.randint(1, 95):02d}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def records(n, seed=2021):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        g, f = rng.choice(GIVEN), rng.choice(FAMILY)
        ident = f"NIR {nir(rng)}" if rng.random() < 0.5 else f"{g.lower()}@example.org"
        out.append(f"{f} {g}, tél. 06 39 98 {rng.randint(10, 99)} {rng.randint(10, 99)}, "
                   f"{ident}. {rng.choice(COMMENTS)}.")
    return out


def timed(label, n, fn):
    start = time.perf_counter()
    found = fn()
    seconds = time.perf_counter() - start
    print(f"{label:44s} {n / seconds:10,.0f} records/s  {seconds:6.2f} s  {found:,} findings")
    return n / seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=1_000_000)
    args = ap.parse_args()
    data = records(args.records)
    size = sum(len(r.encode()) for r in data) / len(data)
    scanner = vigie.Scanner()
    print(f"vigie {vigie.__version__}, Python {platform.python_version()}, {os.cpu_count()} CPUs, "
          f"{len(data):,} records of {size:.0f} bytes on average")
    timed("scan(), one call per record", len(data),
          lambda: sum(len(scanner.scan(r)) for r in data))
    timed("scan_batch(), one thread", len(data), lambda: sum(map(len, scanner.scan_batch(data))))
    half = len(data) // 2
    with ThreadPoolExecutor(2) as pool:
        timed("scan_batch(), two threads (two halves)", len(data),
              lambda: sum(sum(map(len, part))
                          for part in pool.map(scanner.scan_batch, [data[:half], data[half:]])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
