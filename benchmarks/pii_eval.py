#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Precision and recall of FR_POSTAL_ADDRESS and PERSON on labelled records.

    benchmarks/pii_eval.py [--vigie PATH] [--seed N] [--records N] [--manpages DIR]

The labelled set is built at run time, never stored:
- addresses: the 15 public establishment addresses of
  tests/data/vectors/address_fr_public_examples.txt, and the 40 rows of the
  synthetic export examples/data/patients_labo.csv (street, postcode and
  commune in three cells);
- names: the rows of the same export (family name, given name, attending
  physician), and records written from French names that vigie does not
  ship: Faker's fr_FR given and family names (PyPI `faker`, pinned below,
  installed into build/venv-eval), in the forms people write ("Jean
  Dupont", "DUPONT Jean", "M. Dupont", "Dr Dupont", "J. Dupont", a name
  under a "nom" header);
- names in JSON records and casual messages (issue of structured and
  casual text): Faker's names and names invented here from syllables (no
  list knows them: "old, rare, foreign or invented" names), written as
  JSON Lines under the keys applications use ("prenom", "nom",
  "patient": {"nom": ...}) and as a JSON document (a list of records
  over several lines, English keys such as "lastName" and "fullName",
  names nested in a list of contacts), and as chat messages with the names in lower
  case after self-introductions and greetings ("je m'appelle julie",
  "salut marc") — generated here, labelled by construction;
- negatives: French prose that no one here wrote, Debian's French manual
  pages (package manpages-fr) rendered to text (--manpages DIR, made by
  `man -l` and `col -b` if not given).

A finding is right when its span is exactly a labelled span of its kind
(spans of names exclude the title). Manual pages carry real people's
names (authors and translators); their PERSON findings are counted per MB
and listed for reading, not scored.
"""

import argparse
import csv
import glob
import io
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FAKER = "faker==33.1.0"


def ensure_faker():
    venv = os.path.join(ROOT, "build", "venv-eval")
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    if subprocess.run([python, "-c", "import faker"], capture_output=True).returncode != 0:
        subprocess.run([python, "-m", "pip", "install", "-q", FAKER], check=True)
    return python


def faker_names(python, seed, n):
    code = (
        "import json,sys\nfrom faker import Faker\nf=Faker('fr_FR')\nf.seed_instance(%d)\n"
        "print(json.dumps([[f.first_name(), f.last_name()] for _ in range(%d)]))" % (seed, n)
    )
    out = subprocess.run([python, "-c", code], capture_output=True, check=True, text=True)
    return json.loads(out.stdout)


class Doc:
    """A text being written, with its labelled spans (byte offsets)."""

    def __init__(self):
        self.parts = []
        self.size = 0
        self.gold = []  # (kind, begin, end)

    def add(self, text, kind=None):
        data = text.encode("utf-8")
        if kind:
            self.gold.append((kind, self.size, self.size + len(data)))
        self.parts.append(data)
        self.size += len(data)

    def bytes(self):
        return b"".join(self.parts)


def name_records(names, rng):
    """Prose records and a CSV export written from (given, family) pairs."""
    prose = Doc()
    rows = Doc()
    rows.add("nom;prenom;ville;medecin\n")
    forms = [
        lambda g, f: [("Patient : ", None), (f"{g} {f.upper()}", "PERSON"), (", vu ce jour.", None)],
        lambda g, f: [("Compte rendu pour ", None), (f"{f.upper()} {g}", "PERSON"), (".", None)],
        lambda g, f: [("Nous avons reçu M. ", None), (f, "PERSON"), (" en consultation.", None)],
        lambda g, f: [("Courrier de Mme ", None), (f"{g} {f}", "PERSON"), (" du 3 mars.", None)],
        lambda g, f: [("Adressé par le Dr ", None), (f, "PERSON"), (" pour avis.", None)],
        lambda g, f: [("Vu ", None), (f"{g} {f}", "PERSON"), (" ce matin, examen normal.", None)],
        # "M." would be Monsieur: that initial is written in full.
        lambda g, f: [("Signé : ", None), (f"{g[0]}. {f}" if g[0] != "M" else f"{g} {f}",
                                            "PERSON"), ("\n", None)],
        lambda g, f: [("Médecin traitant : Dr ", None), (f"{g} {f}", "PERSON"), ("\n", None)],
    ]
    for i, (given, family) in enumerate(names):
        for text, kind in forms[i % len(forms)](given, family):
            prose.add(text, kind)
        prose.add("\n")
        other = names[(i * 7 + 3) % len(names)]
        rows.add(family.upper(), "PERSON")
        rows.add(";")
        rows.add(given, "PERSON")
        rows.add(";Rennes;Dr ")
        rows.add(other[1], "PERSON")
        rows.add("\n")
    return prose, rows


SYLLABLES = ["ka", "lo", "mi", "ra", "zu", "ne", "to", "vi", "sa", "dor", "bel", "tin", "mar",
             "gu", "fen", "li", "os", "an", "el", "ric"]


def invented_name(rng, syllables):
    return "".join(rng.choice(SYLLABLES) for _ in range(syllables)).capitalize()


def json_records(names, rng):
    """JSON Lines: a record per person, the names under name keys (half of
    them invented), nested or not, among other fields."""
    doc = Doc()
    for i, (given, family) in enumerate(names):
        if i % 2:
            given, family = invented_name(rng, 2), invented_name(rng, 3)
        parts = [("{\"id\": %d, " % (1000 + i), None)]
        if i % 3 == 0:
            parts += [("\"patient\": {\"nom\": \"", None), (family.upper(), "PERSON"),
                      ("\", \"prenom\": \"", None), (given, "PERSON"), ("\"}, ", None)]
        elif i % 3 == 1:
            parts += [("\"prenom\": \"", None), (given, "PERSON"), ("\", \"nom\": \"", None),
                      (family, "PERSON"), ("\", ", None)]
        else:
            parts += [("\"nom_complet\": \"", None), (f"{given} {family}", "PERSON"),
                      ("\", ", None)]
        parts += [("\"ville\": \"Rennes\", \"statut\": \"actif\"}\n", None)]
        for text, kind in parts:
            doc.add(text, kind)
    return doc


def json_document(names, rng):
    """A JSON document: a top-level list of records written over several
    lines, English keys ("lastName", "firstName", "fullName"), names
    nested under "patient" or "contacts", half of them invented."""
    doc = Doc()
    doc.add("[\n")
    for i, (given, family) in enumerate(names):
        if i % 2 == 0:
            given, family = invented_name(rng, 2), invented_name(rng, 2)
        doc.add(("  {\n" if i == 0 else ",\n  {\n") + '    "id": "%d",\n' % (5000 + i))
        if i % 3 == 0:
            doc.add('    "patient": {\n      "lastName": "')
            doc.add(family, "PERSON")
            doc.add('",\n      "firstName": "')
            doc.add(given, "PERSON")
            doc.add('"\n    },\n')
        elif i % 3 == 1:
            doc.add('    "fullName": "')
            doc.add(f"{given} {family.upper()}", "PERSON")
            doc.add('",\n')
        else:
            doc.add('    "contacts": [{"name": "')
            doc.add(f"{given} {family}", "PERSON")
            doc.add('", "role": "tuteur"}],\n')
        doc.add('    "status": "active"\n  }')
    doc.add("\n]\n")
    return doc


def casual_messages(names, rng):
    """Chat messages: given names in lower case after self-introductions
    and greetings, and messages without any name."""
    doc = Doc()
    intros = ["je m'appelle ", "moi c'est ", "c'est ", "salut ", "coucou ", "merci ", "bonjour "]
    tails = [", tu viens ce soir ?", " ici, on se voit demain", " !", ", a+", " :)"]
    plain = ["ok ça marche", "on se retrouve à 18h ?", "j'arrive dans 5 min", "a+",
             "trop bien merci", "t'as vu le match hier ?"]
    for i, (given, _) in enumerate(names):
        if i % 4 == 3:
            given = invented_name(rng, 2)
        doc.add(intros[i % len(intros)])
        doc.add(given.lower(), "PERSON")
        doc.add(tails[i % len(tails)] + "\n")
        doc.add(rng.choice(plain) + "\n")
    return doc


def sample_export():
    """The bundled export: addresses (three cells) and three names per row."""
    doc = Doc()
    path = os.path.join(ROOT, "examples", "data", "patients_labo.csv")
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    doc.add(lines[0] + "\n")
    header = lines[0].split(";")
    street, commune = header.index("adresse"), header.index("commune")
    for line in lines[1:]:
        if not line:
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter=";"))
        i = 0
        while i < len(cells):
            if i:
                doc.add(";")
            cell = cells[i]
            if i == street:
                # Street, postcode and commune: one address over three cells.
                doc.add(";".join(cells[street:commune + 1]), "FR_POSTAL_ADDRESS")
                i = commune + 1
                continue
            if header[i] == "medecin_traitant" and cell.startswith("Dr "):
                doc.add("Dr ")
                doc.add(cell[3:], "PERSON")
            else:
                doc.add(cell, "PERSON" if header[i] in ("nom", "prenom") else None)
            i += 1
        doc.add("\n")
    return doc


def public_addresses():
    doc = Doc()
    path = os.path.join(ROOT, "tests", "data", "vectors", "address_fr_public_examples.txt")
    with open(path, encoding="utf-8") as f:
        lines = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    for i, line in enumerate(lines):
        prefix = ["Adresse : ", "Établissement situé ", "Courrier à envoyer au "][i % 3]
        doc.add(prefix)
        doc.add(line, "FR_POSTAL_ADDRESS")
        doc.add("\n")
    return doc


def scan(vigie, database, data, kinds, layout):
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
        f.write(data)
        path = f.name
    cmd = [vigie, "scan", "--format", "jsonl", "--show-values", "--database", database,
           "--kinds", kinds, "--layout", layout, path]
    proc = subprocess.run(cmd, capture_output=True, check=False)
    os.unlink(path)
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr.decode())
    return [json.loads(l) for l in proc.stdout.decode().splitlines() if '"finding"' in l]


def score(name, findings, gold, kind):
    want = {(b, e) for k, b, e in gold if k == kind}
    got = {(f["start"], f["end"]) for f in findings if f["kind"] == kind}
    right = len(want & got)
    p = right / len(got) if got else 1.0
    r = right / len(want) if want else 1.0
    print(f"  {name:34s} {kind:18s} gold {len(want):4d} found {len(got):4d} "
          f"P {p:.3f} R {r:.3f}")
    return right, len(got), len(want)


def manpages(directory):
    if directory and os.path.isdir(directory):
        return directory
    directory = os.path.join(ROOT, "build", "manpages-fr")
    if os.path.isdir(directory) and os.listdir(directory):
        return directory
    pages = glob.glob("/usr/share/man/fr/man*/*.gz")
    if not pages:
        sys.exit("pii_eval: install Debian's manpages-fr (apt-get install manpages-fr man-db)")
    os.makedirs(directory, exist_ok=True)
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8")
    for page in pages:
        name = os.path.basename(page)[:-3]
        text = subprocess.run(["man", "-l", page], capture_output=True, env=env).stdout
        plain = subprocess.run(["col", "-b"], input=text, capture_output=True).stdout
        with open(os.path.join(directory, name + ".txt"), "wb") as f:
            f.write(plain)
    return directory


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--vigie", default=os.path.join(ROOT, "build", "release", "tools", "vigie", "vigie"))
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--records", type=int, default=400)
    ap.add_argument("--manpages", default=None)
    args = ap.parse_args()
    database = os.path.join(ROOT, "build", "release", "eval.vigiedb")
    kinds = "FR_POSTAL_ADDRESS,PERSON"

    python = ensure_faker()
    names = faker_names(python, args.seed, args.records)
    rng = random.Random(args.seed)
    prose, rows = name_records(names, rng)
    records = json_records(names, rng)
    document = json_document(names, rng)
    messages = casual_messages(names, rng)
    export = sample_export()
    public = public_addresses()

    totals = {}
    print(f"vigie {args.vigie}; Faker {FAKER}, seed {args.seed}, {args.records} names")
    for label, data, gold, layout in [
        ("public addresses in prose", public.bytes(), public.gold, "text"),
        ("sample export (CSV)", export.bytes(), export.gold, "auto"),
        ("Faker names in prose", prose.bytes(), prose.gold, "text"),
        ("Faker names in a CSV export", rows.bytes(), rows.gold, "auto"),
        ("names in JSON records", records.bytes(), records.gold, "auto"),
        ("names in a JSON document", document.bytes(), document.gold, "auto"),
        ("names in casual messages", messages.bytes(), messages.gold, "auto"),
    ]:
        findings = scan(args.vigie, database, data, kinds, layout)
        for kind in ("FR_POSTAL_ADDRESS", "PERSON"):
            if not any(k == kind for k, _, _ in gold):
                continue
            right, got, want = score(label, findings, gold, kind)
            t = totals.setdefault(kind, [0, 0, 0])
            t[0] += right
            t[1] += got
            t[2] += want
    for kind, (right, got, want) in totals.items():
        p = right / got if got else 1.0
        r = right / want if want else 1.0
        print(f"  {'all records':34s} {kind:18s} gold {want:4d} found {got:4d} "
              f"P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0:.3f}")

    directory = manpages(args.manpages)
    paths = sorted(glob.glob(os.path.join(directory, "*.txt")))
    size = sum(os.path.getsize(p) for p in paths)
    cmd = [args.vigie, "scan", "--format", "jsonl", "--show-values", "--database", database,
           "--kinds", kinds, directory]
    proc = subprocess.run(cmd, capture_output=True, check=False)
    found = [json.loads(l) for l in proc.stdout.decode().splitlines() if '"finding"' in l]
    mib = size / (1 << 20)
    for kind in ("FR_POSTAL_ADDRESS", "PERSON"):
        mine = [f for f in found if f["kind"] == kind]
        print(f"  manual pages ({len(paths)} pages, {mib:.1f} MiB) {kind:18s} "
              f"{len(mine):5d} findings, {len(mine) / mib:.2f} per MiB, "
              f"{len({f['value'] for f in mine})} distinct values")
    listing = os.path.join(ROOT, "build", "pii_eval_manpages.txt")
    with open(listing, "w", encoding="utf-8") as f:
        for f_ in sorted({(x["kind"], x["value"]) for x in found}):
            f.write("\t".join(f_) + "\n")
    print(f"  distinct values found in the manual pages: {listing}")


if __name__ == "__main__":
    main()
