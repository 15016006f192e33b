#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The golden findings: what `vigie scan` reports on fixed inputs.

    tests/golden/golden.py --write VIGIE   # record VIGIE's findings as the expected ones

The inputs are the bundled sample (examples/data), generated texts shaped
like users' data (tests/data/golden/inputs: a leak-shaped export, clinical
notes, messages, JSON records; made once by benchmarks/make_inputs.py
--scale 50000 and kept, so that they never drift), and the train and dev
splits of the QUAERO French Medical Corpus (tests/data/corpora/quaero_fr).
Every finding down to 0.4 is recorded with its value, qualifiers, context
and components, and every file's health verdict, one tab-separated line
each, in tests/data/golden/expected.tsv.gz. The expected findings were
first recorded with vigie 0.1.0 at e3738be, before the scan engine was
rewritten; a change to them is a change of behaviour, explained in
docs/golden-changes.md before it is recorded here.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = ROOT / "tests" / "data" / "golden" / "expected.tsv.gz"
INPUTS = {
    "sample": ROOT / "examples" / "data",
    "generated": ROOT / "tests" / "data" / "golden" / "inputs",
    "quaero": ROOT / "tests" / "data" / "corpora" / "quaero_fr",
}
OPTIONS = ["--format", "jsonl", "--show-values", "--min-score", "0.4"]


def line_of(name: str, base: Path, record: dict) -> str | None:
    """One record of `vigie scan --format jsonl` as a line, its path relative to `base`."""
    if record["type"] not in ("finding", "file"):
        return None
    path = name + "/" + Path(record["path"]).relative_to(base).as_posix()
    if record["type"] == "file":
        health = json.dumps(record.get("health"), sort_keys=True, ensure_ascii=False)
        return "\t".join([path, "FILE", str(record["bytes"]), str(record["lines"]),
                          str(record["findings"]), health])
    fields = [path, record["kind"], str(record["start"]), str(record["end"]),
              str(record["line"]), str(record["column"]), "%.4f" % record["score"],
              "confirmed" if record.get("confirmed") else "unconfirmed",
              record.get("value", ""), ",".join(record.get("qualifiers", [])),
              record.get("context", ""),
              json.dumps(record.get("components", {}), sort_keys=True, ensure_ascii=False)]
    return "\t".join(f.replace("\t", "\\t").replace("\n", "\\n") for f in fields)


# One cache of compiled detectors for the golden scans of a process: the
# first compiles, the others load.
_CACHE = tempfile.TemporaryDirectory(prefix="vigie-golden-")


def scan(vigie: str, extra: list[str] | None = None) -> list[str]:
    """Every golden line that `vigie` gives, in its output order."""
    lines = []
    env = dict(os.environ, VIGIE_CACHE_DIR=_CACHE.name)
    for name, base in INPUTS.items():
        proc = subprocess.run([vigie, "scan", *OPTIONS, *(extra or []), str(base)],
                              capture_output=True, env=env, check=False)
        if proc.returncode not in (0, 1):
            raise RuntimeError("vigie scan %s failed (%d): %s"
                               % (base, proc.returncode, proc.stderr.decode()))
        for raw in proc.stdout.decode().splitlines():
            line = line_of(name, base, json.loads(raw))
            if line is not None:
                lines.append(line)
    return lines


def expected() -> list[str]:
    with gzip.open(EXPECTED, "rt", encoding="utf-8") as f:
        return f.read().splitlines()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", metavar="VIGIE", required=True)
    args = ap.parse_args()
    lines = scan(args.write)
    with gzip.GzipFile(EXPECTED, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode())
    print("golden: %d lines written to %s" % (len(lines), EXPECTED.relative_to(ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
