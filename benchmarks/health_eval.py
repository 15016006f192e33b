#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Precision and recall of vigie's health detectors on labelled corpora.

    benchmarks/health_eval.py CORPORA_DIR [--vigie PATH] [--split dev|train]

CORPORA_DIR holds quaero_fr/ (QUAERO French Medical Corpus, BRAT standoff)
and ncbi_disease_en/ (NCBI disease corpus, CoNLL). The corpora are read
from where they are and never copied into vigie (QUAERO is GFDL).

Scoring, per mention: a gold mention is found when a finding of a mapped
kind overlaps it (recall); a finding is right when it overlaps a gold
mention of the mapped type (precision). "exact" counts only identical
boundaries. QUAERO DISO is scored against the condition kinds, CHEM
against HEALTH_DRUG; NCBI Disease against the condition kinds.

Morphology guesses (words no lexicon lists, classified by their suffix)
are findings whose score is exactly that of a guess in context; the
script reports the figures with and without them.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CONDITION_KINDS = {"HEALTH_CONDITION", "HEALTH_MENTAL", "HEALTH_SEXUAL", "HEALTH_DISABILITY"}
DRUG_KINDS = {"HEALTH_DRUG"}
# A morphology guess scores 0.05 and, in context, 0.05 + 0.95 * 0.85.
GUESS_SCORE = round(0.05 + 0.95 * 0.85, 4)


def run_vigie(vigie, database, paths):
    """Findings per path: list of (kind, start, end, score), byte offsets."""
    out = {}
    cmd = [vigie, "scan", "--format", "jsonl", "--database", database, *paths]
    proc = subprocess.run(cmd, capture_output=True, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"vigie failed: {proc.stderr.decode()}")
    for line in proc.stdout.decode().splitlines():
        rec = json.loads(line)
        if rec["type"] == "finding" and rec["category"] == "health":
            out.setdefault(rec["path"], []).append(
                (rec["kind"], rec["start"], rec["end"], rec["score"]))
    return out


def char_to_byte(text):
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + len(ch.encode("utf-8")))
    return offsets


def quaero(corpora, split):
    """Documents as (path, {type: [(start, end)]}) with byte offsets."""
    docs = []
    root = os.path.join(corpora, "quaero_fr", "corpus", split)
    for sub in sorted(os.listdir(root)):
        folder = os.path.join(root, sub)
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".txt"):
                continue
            path = os.path.join(folder, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            to_byte = char_to_byte(text)
            gold = {}
            with open(path[:-4] + ".ann", encoding="utf-8") as f:
                for line in f:
                    if not line.startswith("T"):
                        continue
                    _, info, _ = line.rstrip("\n").split("\t", 2)
                    label, spans = info.split(" ", 1)
                    pieces = [tuple(map(int, s.split())) for s in spans.split(";")]
                    start = min(p[0] for p in pieces)
                    end = max(p[1] for p in pieces)
                    gold.setdefault(label, []).append((to_byte[start], to_byte[end]))
            docs.append((path, gold))
    return docs


def ncbi(corpora, split, workdir):
    """The CoNLL split written as one text file, a sentence per line."""
    name = "devel.tsv" if split == "dev" else "train.tsv"
    src = os.path.join(corpora, "ncbi_disease_en", "conll", name)
    text, gold, start, sentence = b"", [], None, []
    with open(src, encoding="utf-8") as f:
        lines = f.read().splitlines() + [""]
    # The corpus is tokenized; spaces are put back as the abstracts had them
    # ("Tay-Sachs disease", "(DMD)"), so that names match as written.
    glued_left = {",", ".", ";", ":", ")", "]", "-", "/", "'s", "%"}
    glued_right = {"(", "[", "-", "/"}
    previous = None
    for line in lines:
        if not line.strip():
            if sentence:
                text += b"\n"
            sentence, previous = [], None
            continue
        token, tag = line.split("\t")[:2]
        if sentence and token not in glued_left and previous not in glued_right:
            text += b" "
        sentence.append(token)
        previous = token
        begin = len(text)
        text += token.encode("utf-8")
        if tag.startswith("B-"):
            gold.append([begin, len(text)])
        elif tag.startswith("I-") and gold:
            gold[-1][1] = len(text)
    path = os.path.join(workdir, "ncbi_" + split + ".txt")
    with open(path, "wb") as f:
        f.write(text)
    return [(path, {"Disease": [tuple(g) for g in gold]})]


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def misses(docs, findings, gold_type, kinds, limit=60):
    """The commonest gold mentions missed and findings wrong, for tuning on train."""
    missed, wrong = {}, {}
    for path, gold in docs:
        with open(path, "rb") as f:
            text = f.read()
        spans = gold.get(gold_type, [])
        found = [(s, e) for k, s, e, _ in findings.get(path, []) if k in kinds]
        for g in spans:
            if not any(overlap(g, x) for x in found):
                key = text[g[0]:g[1]].decode("utf-8", "replace").lower()
                missed[key] = missed.get(key, 0) + 1
        for x in found:
            if not any(overlap(x, g) for g in spans):
                key = text[x[0]:x[1]].decode("utf-8", "replace").lower()
                wrong[key] = wrong.get(key, 0) + 1
    top = lambda d: ", ".join(f"{k} ({n})" for k, n in sorted(d.items(), key=lambda kv: -kv[1])[:limit])
    print(f"  missed {gold_type}: {top(missed)}\n  wrong: {top(wrong)}\n")


def score(docs, findings, gold_type, kinds, with_guesses=True):
    tp_gold = n_gold = tp_found = n_found = exact = 0
    for path, gold in docs:
        spans = gold.get(gold_type, [])
        found = [(s, e) for k, s, e, sc in findings.get(path, [])
                 if k in kinds and (with_guesses or round(sc, 4) != GUESS_SCORE)]
        n_gold += len(spans)
        n_found += len(found)
        tp_gold += sum(any(overlap(g, f) for f in found) for g in spans)
        tp_found += sum(any(overlap(f, g) for g in spans) for f in found)
        exact += sum(f in spans for f in set(found))
    p = tp_found / n_found if n_found else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    pe = exact / n_found if n_found else 0.0
    re_ = exact / n_gold if n_gold else 0.0
    return {"gold": n_gold, "found": n_found, "precision": p, "recall": r, "f1": f1,
            "exact_precision": pe, "exact_recall": re_}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpora")
    ap.add_argument("--vigie", default=os.path.join(HERE, "..", "build", "release", "tools",
                                                    "vigie", "vigie"))
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("--misses", action="store_true", help="list what was missed and wrong")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as work:
        database = os.path.join(work, "vigie.db")
        q_docs = quaero(args.corpora, args.split)
        q_found = run_vigie(args.vigie, database, [os.path.join(
            args.corpora, "quaero_fr", "corpus", args.split)])
        n_docs = ncbi(args.corpora, args.split, work)
        n_found = run_vigie(args.vigie, database, [n_docs[0][0]])
        rows = [
            ("QUAERO " + args.split + " CHEM / HEALTH_DRUG", q_docs, q_found, "CHEM", DRUG_KINDS),
            ("QUAERO " + args.split + " DISO / conditions", q_docs, q_found, "DISO", CONDITION_KINDS),
            ("NCBI disease " + args.split + " / conditions", n_docs, n_found, "Disease",
             CONDITION_KINDS),
        ]
        print("| corpus / kinds | gold | found | precision | recall | F1 | exact P | exact R | F1 without guesses |")
        print("|---|---|---|---|---|---|---|---|---|")
        for name, docs, found, gold_type, kinds in rows:
            s = score(docs, found, gold_type, kinds)
            bare = score(docs, found, gold_type, kinds, with_guesses=False)
            print(f"| {name} | {s['gold']} | {s['found']} | {s['precision']:.4f} | "
                  f"{s['recall']:.4f} | {s['f1']:.3f} | {s['exact_precision']:.3f} | "
                  f"{s['exact_recall']:.3f} | {bare['f1']:.3f} |")
        if args.misses:
            for name, docs, found, gold_type, kinds in rows:
                misses(docs, found, gold_type, kinds)


if __name__ == "__main__":
    main()
