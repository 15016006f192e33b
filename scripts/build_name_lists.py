#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Builds lib/data/names/ from INSEE's given-name and family-name lists.

    scripts/build_name_lists.py NAMES_DIR

NAMES_DIR holds given_names_fr.tsv (name, sex, total_count) and
family_names_fr.tsv (name, count), derived from INSEE's "Fichier des
prénoms" (2023 edition) and "Fichier des noms" (see lib/data/NOTICE.md).
Each output row gains an `ambiguous` flag: 1 when the name is also an
everyday French word (Debian's wfrench list: "pierre", "rose", "blanc"),
a commune (the embedded COG table: "Nancy", "Lourdes") or a country or
region ("France", "Bretagne"). A PERSON detector needs more evidence for
those. Run by hand when a source changes; needs the `wfrench` package.
"""
import csv
import pathlib
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "lib" / "data" / "names"
WORDS = pathlib.Path("/usr/share/dict/french")
# Countries and regions that are also given or family names.
PLACES = """france bretagne normandie alsace lorraine provence savoie bourgogne
champagne picardie touraine anjou berry auvergne gascogne corse europe afrique
amerique asie chine inde italie espagne allemagne belgique suisse irlande
angleterre russie grece egypte israel syrie jordanie maroc algerie tunisie
bresil argentine chili perou mexique canada australie japon""".split()


def fold(name):
    """Upper case, accents removed, ’ as '."""
    name = unicodedata.normalize("NFD", name.replace("\u2019", "'").upper())
    return "".join(c for c in name if unicodedata.category(c) != "Mn")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = pathlib.Path(sys.argv[1])
    if not WORDS.exists():
        sys.exit("build_name_lists: install Debian's wfrench (apt-get install wfrench)")
    words = {fold(w.strip()) for w in WORDS.read_text(encoding="utf-8").splitlines()
             if w.strip() and w.strip()[0].islower()}
    places = {fold(p) for p in PLACES}
    with open(ROOT / "lib" / "data" / "places" / "postcode_commune.tsv", encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) >= 3 and row[0] != "code_postal":
                places.add(fold(row[2]).replace("-", " "))

    def ambiguous(key):
        return int(key in words or key in places or key.replace("-", " ") in places)

    OUT.mkdir(parents=True, exist_ok=True)
    # (source, output, the source's columns kept after the name)
    for source, output, columns in (("given_names_fr.tsv", "given_names.tsv", ("sex", "total_count")),
                                    ("family_names_fr.tsv", "family_names.tsv", ("count",))):
        with open(src / source, encoding="utf-8") as f, \
                open(OUT / output, "w", encoding="utf-8") as out:
            header = ["name", *("count" if c == "total_count" else c for c in columns), "ambiguous"]
            out.write("# " + "\t".join(header) + "\n")
            for row in csv.DictReader(f, delimiter="\t"):
                cells = [row["name"], *(row[c] for c in columns), str(ambiguous(fold(row["name"])))]
                out.write("\t".join(cells) + "\n")

if __name__ == "__main__":
    main()
