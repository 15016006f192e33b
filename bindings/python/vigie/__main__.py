# SPDX-License-Identifier: Apache-2.0
"""python -m vigie scan [OPTIONS] [PATH...]: the `vigie` program's common
options, from Python. Files are read in 1 MiB chunks through a stream;
directories are walked in name order; '-' or no path reads stdin.
Exit status: 0 nothing found, 1 findings, 2 an input could not be read."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Dict, Iterator, List, Optional, Sequence

from . import Finding, Scanner, _vigie

CHUNK = 1 << 20


def _paths(args: Sequence[str]) -> Iterator[str]:
    for path in args or ["-"]:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for name in sorted(files):
                    yield os.path.join(root, name)
        else:
            yield path


def _scan_file(scanner: Scanner, path: str) -> List[Finding]:
    stream = scanner.open_stream()
    found: List[Finding] = []
    handle = sys.stdin.buffer if path == "-" else open(path, "rb")
    try:
        while True:
            chunk = handle.read(CHUNK)
            if not chunk:
                break
            found += stream.write(chunk)
    finally:
        if handle is not sys.stdin.buffer:
            handle.close()
    return found + stream.finish()


def _record(path: str, f: Finding, show_values: bool) -> Dict[str, object]:
    r: Dict[str, object] = {
        "type": "finding", "path": path, "kind": f.kind, "category": f.category,
        "start": f.byte_start, "end": f.byte_end, "line": f.line, "column": f.column,
        "score": round(f.score, 4), "confirmed": f.confirmed,
    }
    if show_values:
        r["value"] = f.value
        if f.components:
            r["components"] = f.components
    else:
        r["masked_value"] = _vigie.mask(f.value or "")
    if f.qualifiers:
        r["qualifiers"] = list(f.qualifiers)
    if f.context:
        r["context"] = f.context
    return r


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m vigie", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    scan = sub.add_parser("scan", help="scan files, directories or stdin")
    scan.add_argument("paths", nargs="*")
    scan.add_argument("--format", choices=("text", "jsonl"), default="text")
    scan.add_argument("--kinds", help="only these kinds, comma-separated")
    scan.add_argument("--min-score", type=float, default=0.5)
    scan.add_argument("--show-values", action="store_true", help="print detected values")
    scan.add_argument("--layout", choices=("auto", "text", "delimited", "json"), default="auto")
    args = parser.parse_args(argv)

    try:
        # Values are needed to mask them; they are printed only when asked.
        scanner = Scanner(kinds=args.kinds.split(",") if args.kinds else None,
                          min_score=args.min_score, layout=args.layout, values=True)
    except ValueError as e:
        print(f"vigie: {e}", file=sys.stderr)
        return 2
    errors = 0
    total = 0
    by_kind: Dict[str, int] = {}
    out = sys.stdout
    for path in _paths(args.paths):
        try:
            found = _scan_file(scanner, path)
        except OSError as e:
            errors += 1
            print(f"vigie: {path}: {e.strerror or e}", file=sys.stderr)
            if args.format == "jsonl":
                out.write(json.dumps({"type": "error", "path": path,
                                      "message": e.strerror or str(e)}) + "\n")
            continue
        total += len(found)
        for f in found:
            by_kind[f.kind] = by_kind.get(f.kind, 0) + 1
            if args.format == "jsonl":
                out.write(json.dumps(_record(path, f, args.show_values), ensure_ascii=False) + "\n")
            else:
                shown = f.value if args.show_values else _vigie.mask(f.value or "")
                out.write(f"{path}:{f.line}:{f.column}\t{f.kind}\t{f.category}\t{f.score:.2f}\t"
                          f"{shown}\n")
    if args.format == "jsonl":
        out.write(json.dumps({"type": "summary", "findings": total, "errors": errors,
                              "by_kind": dict(sorted(by_kind.items()))}) + "\n")
    else:
        out.write(f"{total} findings, {errors} errors\n")
    if errors:
        return 2
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
