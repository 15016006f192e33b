#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Derives vigie's health lexicons (lib/data/health/*.tsv) from public sources.

Run by hand when a source changes, never at build or test time:

    apt-get install wfrench wamerican
    scripts/build_health_lexicons.py SOURCES_DIR

SOURCES_DIR holds bdpm/, snds/, orphanet/ and en/ as described in
lib/data/NOTICE.md. Each source becomes one file (its provenance), one term
per line: kind, term, flags. A term appears once over all files: the curated
list (health/curated.tsv, written by hand) comes first, then the sources in
the order of SOURCES below.

Flags: "weak" marks a phrase made of everyday words (found in the French
or English word lists): it counts only with health context nearby. A single
everyday word ("date", "section", "gold") is left out of these sources but
ANSM's substances (where it is a drug: "glucose", "lithium"); the curated
list decides for the others that matter ("insuline", "goutte"). Short terms (3 bytes or less) always need context; the sources'
terms that short are dropped, being acronyms of many meanings.
"""

import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "lib", "data", "health")

MIN_CHARS = 4
MAX_WORDS = 6
MAX_CHARS = 60


def fold(term):
    decomposed = unicodedata.normalize("NFD", term.lower())
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(bare.replace("’", "'").split())


def load_words(path):
    words = set()
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip()
            if w:
                words.add(fold(w))
    return words


DICTIONARY = set()
# Folded word -> its one accented spelling in the French word list, to give
# back their accents to the sources written in bare capitals (NABM,
# specialties): the matcher can drop accents, not add them.
ACCENTED = {}


def load_accents(path):
    spellings = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            w = line.strip().lower()
            if w:
                spellings.setdefault(fold(w), set()).add(w)
    for key, forms in spellings.items():
        if len(forms) == 1 and key not in forms:
            ACCENTED[key] = forms.pop()


def accent(term):
    words = []
    for word in term.split(" "):
        restored = ACCENTED.get(word.lower()) if word.isascii() else None
        if restored is None:
            words.append(word)
        else:
            words.append(restored.upper() if word.isupper() else restored)
    return " ".join(words)


def clean(term):
    term = " ".join(term.replace("’", "'").split())
    return term.strip(" ,;:.-")


def acceptable(term):
    if len(term) < MIN_CHARS or len(term) > MAX_CHARS:
        return False
    if len(term.split()) > MAX_WORDS:
        return False
    if not re.search(r"[A-Za-zÀ-ÿ]{3}", term):
        return False
    if any(c in term for c in "\t\"[]{}<>|;=@#"):
        return False
    return True


MENTAL = re.compile(
    r"schizo|psychos|psychot|d[ée]pressi|bipolaire|bipolar|autis|anxi[ée]t|anxiety|"
    r"trouble (?:du comportement|psychi|mental|obsession|panique|de la personnalit)|"
    r"anorexie mentale|anorexia nervosa|boulimi|bulimi|addiction|alcoolisme|alcoholism|"
    r"toxicoman|suicid|phobi|personality disorder|mental disorder|dementia|d[ée]mence",
    re.I)
SEXUAL = re.compile(
    r"\bvih\b|\bhiv\b|immunod[ée]ficience humaine|human immunodeficiency|\bsida\b|\baids\b|"
    r"syphilis|gonorr|gonococ|chlamydi|papillomavirus|herp[eè]s g[ée]nital|genital herpes|"
    r"h[ée]patite [bc]\b|hepatitis [bc]\b|sexually transmitted|sexuellement transmissible",
    re.I)


# Long words built on unambiguous medical morphology are medical even when
# the word lists have them ("angiographie", "leucopénie"); -ite, -ose and
# -ome end ordinary words too ("parasites", "syndrome").
MEDICAL_WORD = re.compile(
    r"(?:emie|algie|ectomie|otomie|ostomie|plastie|scopie|graphie|pathie|therapie|"
    r"logie|emies|pathies|logies|plegie|penie|cytose|urie|rragie|"
    r"sclerose|stenose|ectasie|trophie|plasie|megalie)$")


def condition_kind(term):
    if SEXUAL.search(term):
        return "HEALTH_SEXUAL"
    if MENTAL.search(term):
        return "HEALTH_MENTAL"
    return "HEALTH_CONDITION"


# --- one reader per source: yields (kind, term) ---------------------------

def ald(src):
    with open(os.path.join(src, "snds", "IR_ALD_V_long_term_conditions.csv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter=";"):
            if row[0].isdigit() and row[0] != "0":
                label = re.sub(r"\s*\(.*?\)", "", row[1])
                if label in ("Valeur Inconnue", "Affections hors liste"):
                    continue
                for part in re.split(r";| et | ou |, ", label):
                    yield condition_kind(part), part
                yield condition_kind(label), label


def specialties(src):
    with open(os.path.join(src, "snds", "IR_SPE_V_medical_specialties.csv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter=";"):
            if row[0].isdigit() and row[0] != "0" and row[1] == "1":
                for label in (row[2],):
                    for part in re.split(r"\s+-\s+|\s+ET\s+", label):
                        yield "HEALTH_PROVIDER", accent(part)


NABM_CUT = re.compile(r"\s*(?::|\(|\bPAR\b|\bDANS\b|\bSUR\b|\bAVEC\b|\bSANS\b|\bRECH\b|\bDOSAGE\b\s*$)")


def nabm(src):
    with open(os.path.join(src, "snds", "IR_BIO_R_NABM_lab_tests.csv"), encoding="latin-1") as f:
        for row in csv.reader(f, delimiter=";"):
            if not row or not row[0].isdigit():
                continue
            label = row[1]
            head = NABM_CUT.split(label)[0]
            head = re.sub(r"\b\w+\.$", "", head)  # a trailing abbreviation ("URIN.")
            yield "HEALTH_LAB_TEST", accent(head)


PROCEDURE_WORD = re.compile(
    r"(ectomie|otomie|ostomie|plastie|scopie|graphie|p[ée]xie|lyse|rraphie|centh[eè]se|"
    r"biopsie|th[ée]rapie|m[ée]trie)s?$", re.I)


def ccam(src):
    with open(os.path.join(src, "snds", "IR_CCAM_V63_procedures.csv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter=";"):
            if len(row) < 2 or row[0].startswith("CAM_"):
                continue
            head = row[1].split(",")[0]
            yield "HEALTH_PROCEDURE", head
            first = head.split()[0] if head.split() else ""
            if PROCEDURE_WORD.search(first) and len(first) >= 8:
                yield "HEALTH_PROCEDURE", first


SALT = re.compile(
    r"^(?:CHLORHYDRATE|DICHLORHYDRATE|BROMHYDRATE|SULFATE|HYDROGÉNOSULFATE|MALÉATE|TARTRATE|"
    r"HÉMITARTRATE|BITARTRATE|CITRATE|ACÉTATE|PHOSPHATE|DIPHOSPHATE|FUMARATE|HÉMIFUMARATE|"
    r"SUCCINATE|MÉSILATE|BÉSILATE|TOSILATE|LACTATE|GLUCONATE|OXALATE|NITRATE|PROPIONATE|"
    r"VALÉRATE|DIPROPIONATE|BUTYRATE|FUROATE|PAMOATE|STÉARATE|PALMITATE|DÉCANOATE|"
    r"ÉNANTATE|CAPROATE|PIVALATE|MÉTILSULFATE|BROMURE|CHLORURE|IODURE|(?:\(\w\)-)?MALATE|"
    r"ESILATE|ÉSILATE|ISÉTHIONATE|LYSINATE|TRIFÉNATATE|ACÉPONATE|SUCCINATE SODIQUE)"
    r"\s+(?:DE|D')\s*", re.I)
SALT_AFTER = re.compile(r"\s*\((?:[^()]*\b(?:DE|D')\s*)\)")
TAIL = re.compile(
    r"\s+(?:SODIQUE|DISODIQUE|POTASSIQUE|CALCIQUE|MAGNÉSIQUE|MONOSODIQUE|MONOHYDRATÉ|"
    r"DIHYDRATÉ|TRIHYDRATÉ|SESQUIHYDRATÉ|HÉMIHYDRATÉ|HYDRATÉ|ANHYDRE|BASE|AMORPHE|"
    r"CRISTALLISÉ|MICRONISÉ|ARGININE|TROMÉTAMOL|LYSINE)\b.*$", re.I)


def substances(src):
    path = os.path.join(src, "bdpm", "derived_fr_drug_substances.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            name = line.split("\t")[1]
            if "HOMÉOPATHIQUE" in name or "SOUCHE" in name:
                continue
            name = SALT_AFTER.sub("", name)
            name = SALT.sub("", name)
            name = TAIL.sub("", name)
            name = re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", name)
            yield "HEALTH_DRUG", name


def products(src):
    path = os.path.join(src, "bdpm", "derived_fr_drug_product_stems.tsv")
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            stem, _, homeopathic = line.rstrip("\n").split("\t")
            if homeopathic == "0":
                rows.append(stem)
    # The last word of a generic's name is its maker or its variant: a word
    # that ends five names or more is stripped everywhere.
    last = {}
    for stem in rows:
        words = stem.split()
        if len(words) > 1:
            last[words[-1]] = last.get(words[-1], 0) + 1
    strip = {w for w, n in last.items() if n >= 5}
    for stem in rows:
        words = stem.split()
        while len(words) > 1 and words[-1] in strip:
            words.pop()
        for part in " ".join(words).split("/"):
            yield "HEALTH_DRUG", part


def orphanet_fr(src):
    with open(os.path.join(src, "orphanet", "orphanet_fr_disease_names.utf8.txt"), encoding="utf-8") as f:
        for line in f:
            name = line.strip()
            if not name.startswith("OBSOLETE"):
                yield condition_kind(name), name


def orphanet_en(src):
    with open(os.path.join(src, "en", "orphanet_en_2023_names.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            cells = line.rstrip("\n").split("\t")
            names = [cells[1]] + [s for s in cells[2].split("|") if s.strip()]
            for name in names:
                yield condition_kind(name), name


def doid(src):
    with open(os.path.join(src, "en", "doid_HumanDO_labels.tsv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            label = line.split("\t")[1].strip('"')
            yield condition_kind(label), label


def drugbank(src):
    with open(os.path.join(src, "en", "drugbank_open_vocabulary.csv"), encoding="utf-8") as f:
        next(f)
        next(f)
        for row in csv.reader(f, delimiter=";"):
            if len(row) < 6:
                continue
            names = [row[2]] + [s.strip() for s in row[5].split("|")]
            for name in names:
                if re.search(r"\d|[(),\[\]]", name):
                    continue  # chemical names and codes, not what people write
                yield "HEALTH_DRUG", name


SOURCES = [
    ("snds_ald", ald, "CNAM SNDS nomenclature IR_ALD_V: the 30 long-term conditions (ALD), labels and their parts"),
    ("snds_specialties", specialties, "CNAM SNDS nomenclature IR_SPE_V: physician specialties"),
    ("snds_nabm", nabm, "CNAM SNDS nomenclature IR_BIO_R (NABM): lab tests, label heads"),
    ("snds_ccam", ccam, "CNAM SNDS nomenclature IR_CCAM_V63: procedures, label heads and procedure words"),
    ("bdpm_substances", substances, "ANSM BDPM substances, salts, hydrates and isotopes stripped"),
    ("bdpm_products", products, "ANSM BDPM product names, makers and variants stripped, non-homeopathic"),
    ("orphanet_fr", orphanet_fr, "Orphanet French rare-disease names"),
    ("drugbank", drugbank, "DrugBank open vocabulary: common names and synonyms without chemical notation"),
    ("doid", doid, "Human Disease Ontology labels"),
    ("orphanet_en", orphanet_en, "Orphanet English names and synonyms (2023)"),
]


# EDS-NLP's lists that vigie uses, and where a trigger stands from the term
# it qualifies: before, after, both, or pseudo (a longer phrase holding a
# trigger that is not one, "pas de doute").
QUALIFIER_LISTS = {
    ("negation", "preceding"): "before",
    ("negation", "following"): "after",
    ("negation", "verbs"): "both",
    ("negation", "pseudo"): "pseudo",
    ("hypothesis", "preceding"): "before",
    ("hypothesis", "following"): "after",
    ("hypothesis", "verbs_hyp"): "both",
    ("hypothesis", "pseudo"): "pseudo",
    ("family", "family"): "both",
    ("history", "history"): "both",
    ("history", "sections_history"): "both",
}


def participles(verb):
    """The forms of a trigger verb ("éliminer", "suspecter") that notes use.
    (EDS-NLP's verbs_eds, a list of 697 verbs of all kinds that its
    pipelines conjugate, is not a list of triggers: left out.)"""
    if verb.endswith("er"):
        stem = verb[:-2]
        return [verb, stem + "e", stem + "ent", stem + "é", stem + "ée", stem + "és", stem + "ées"]
    if verb.endswith("ure"):  # exclure
        stem = verb[:-2]
        return [verb, stem + "t", stem, stem + "e", stem + "s", stem + "es"]
    return [verb]


def qualifiers(src):
    path = os.path.join(src, "context", "edsnlp_fr_qualifier_triggers.tsv")
    rows, seen = [], set()
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            qualifier, lst, trigger = line.rstrip("\n").split("\t")
            position = QUALIFIER_LISTS.get((qualifier, lst))
            if position is None:
                continue
            verbs = (("negation", "verbs"), ("hypothesis", "verbs_hyp"))
            forms = participles(trigger) if (qualifier, lst) in verbs else [trigger]
            for form in forms:
                key = (qualifier, position, form.lower())  # "douté" is not "doute"
                if form and key not in seen:
                    seen.add(key)
                    rows.append((qualifier, position, form))
    with open(os.path.join(OUT, "qualifiers.tsv"), "w", encoding="utf-8") as out:
        out.write("# EDS-NLP French qualifier triggers (negation, hypothesis, family, history), "
                  "trigger verbs with their common forms. Generated by scripts/build_health_lexicons.py.\n")
        out.write("# qualifier\tposition\ttrigger\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"qualifiers: {len(rows)} triggers", file=sys.stderr)


# Sources written in mixed case, where a short word in capitals is an
# acronym ("EMEA", "ARSA"): those mean too many things to be kept.
MIXED_CASE = {"orphanet_fr", "orphanet_en", "doid", "drugbank"}
ACRONYM = re.compile(r"^[A-Z0-9-]{2,6}$")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = sys.argv[1]
    for path in ("/usr/share/dict/french", "/usr/share/dict/american-english"):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: apt-get install wfrench wamerican")
        DICTIONARY.update(load_words(path))
    load_accents("/usr/share/dict/french")
    seen = set()
    with open(os.path.join(OUT, "curated.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            seen.add(fold(line.split("\t")[1]))
    for name, reader, description in SOURCES:
        rows = []
        for kind, term in reader(src):
            term = clean(term)
            key = fold(term)
            if not acceptable(term) or key in seen:
                continue
            seen.add(key)
            if name in MIXED_CASE and ACRONYM.match(term):
                continue
            if name == "bdpm_products" and key in DICTIONARY:
                continue  # what is left of a product's name is a word ("dose", "orange")
            weak = key in DICTIONARY and not (len(key) >= 9 and MEDICAL_WORD.search(key))
            if weak and " " not in key and name != "bdpm_substances":
                # One everyday word ("date", "section", "capture", "gold"):
                # as a term of these sources it is noise, even with context.
                # ANSM's substances keep theirs, weak ("glucose", "lithium").
                continue
            rows.append((kind, term, "weak" if weak else ""))
        with open(os.path.join(OUT, name + ".tsv"), "w", encoding="utf-8") as out:
            out.write(f"# {description}. Generated by scripts/build_health_lexicons.py.\n")
            out.write("# kind\tterm\tflags\n")
            for row in rows:
                out.write("\t".join(row) + "\n")
        print(f"{name}: {len(rows)} terms", file=sys.stderr)
    qualifiers(src)


if __name__ == "__main__":
    main()
