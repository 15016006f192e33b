#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes the benchmark inputs: texts shaped like what vigie's users hold.

    benchmarks/make_inputs.py OUT_DIR [--scale BYTES | --rows N] [--seed N] [--only NAME,...]

Every value is invented, but drawn from real tables so that the detectors
take their slow paths: postcodes and communes from the COG table
(lib/data/places), given and family names from INSEE's lists
(lib/data/names), phones from ARCEP's fiction blocks, NIRs with a valid
key built from the invented birth date and the postcode's department.

- leak_export.csv: one patient per row, the columns of the 2021 leak (name,
  birth date, street, postcode, commune, phone, e-mail, NIR, blood group,
  physician, insurer, health comment);
- clinical_notes.txt: a patient per paragraph, in prose, with address,
  phone, NIR and health;
- messages.txt: short casual messages, a few with a phone or an e-mail;
- records.jsonl: one JSON object per patient;
- manpages.txt: Debian's French manual pages rendered to text (packages
  manpages-fr and manpages-fr-dev, about 26 MB; manpages-fr alone gives
  2 MB; skipped with a message when neither is installed), text nearly
  free of personal data. Kept once written: delete it to render again.

Each file is about --scale bytes, or --rows rows, notes, messages or records
(manpages.txt: all the pages).
The output depends only on the seed and the tables.
"""

import argparse
import glob
import gzip
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(ROOT, "lib", "data")

PHONE_BLOCKS = ["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49", "06 39 98"]
DOMAINS = ["example.org", "example.com", "example.net"]
BLOOD = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-", "O Rh-", "A Rh+", "B Rh+"]
INSURERS = ["MGEN", "Harmonie Mutuelle", "Malakoff Humanis", "AG2R La Mondiale", "MAAF Santé",
            "CPAM seule", "C2S", "Mutuelle Générale", "AXA Santé", "Swiss Life"]
STREET_TYPES = ["rue", "avenue", "boulevard", "place", "impasse", "chemin", "allée", "route",
                "quai", "square", "rue", "rue", "avenue", "bd", "av."]
STREET_NAMES = ["des Lilas", "Jean Jaurès", "Victor Hugo", "de la Mairie", "des Tilleuls",
                "du Moulin", "des Acacias", "Pasteur", "de la Loire", "de Nantes",
                "de la République", "du Général de Gaulle", "Gambetta", "de la Gare",
                "des Écoles", "Saint-Michel", "du Stade", "des Peupliers", "de Verdun",
                "Jules Ferry", "de l'Église", "du Château", "Émile Zola", "de la Liberté"]
COMMENTS = ["RAS", "RAS", "Grossesse 14 SA, β-hCG positif", "Sérologie VIH négative",
            "Traitement : Levothyrox 75 µg", "Diabète de type 2, metformine 850 mg",
            "Contrôle INR sous Préviscan", "Bilan lipidique à refaire",
            "Patiente enceinte, toxoplasmose négative", "Suivi hépatite C", "HbA1c 7,2 %",
            "Allergie pénicilline", "RAI négative", "Hypertension artérielle, amlodipine 5 mg",
            "Dépistage chlamydia positif", "Suivi post-greffe rénale, tacrolimus",
            "Asthme, Ventoline si besoin", "Anémie ferriprive", "TSH élevée, hypothyroïdie",
            "Insuffisance rénale chronique stade 3", "Bilan pré-opératoire", "Dépression, sertraline",
            "Troubles bipolaires, lithium", "Cancer du sein en rémission", "Hémophilie A"]
CONDITIONS = ["un diabète de type 2", "une hypertension artérielle", "une insuffisance cardiaque",
              "un asthme allergique", "une hépatite C chronique", "une sclérose en plaques",
              "une dépression sévère", "une maladie de Crohn", "une polyarthrite rhumatoïde",
              "une épilepsie", "une infection par le VIH", "une BPCO"]
DRUGS = ["metformine 1000 mg", "ramipril 5 mg", "Doliprane 1 g", "lévothyroxine 100 µg",
         "sertraline 50 mg", "méthotrexate 15 mg", "Kardégic 75 mg", "insuline glargine",
         "salbutamol", "amoxicilline 1 g"]
ROLES = ["médecin traitant", "cardiologue", "pneumologue", "psychiatre", "gynécologue"]
CHAT = ["salut, on se voit demain ?", "ok pour 18h au café", "tu as vu le match hier soir",
        "je suis en retard, désolé", "merci pour le dîner, c'était super",
        "il pleut encore, je prends la voiture", "tu peux acheter du pain en rentrant ?",
        "le train est annulé, je rentre plus tard", "bonne nuit", "on part en vacances samedi",
        "la réunion est déplacée à jeudi", "j'ai fini le dossier, je te l'envoie",
        "quelle chaleur aujourd'hui", "le chat a encore cassé un vase", "rdv à la gare",
        "n'oublie pas les clés", "ça marche, à plus", "super nouvelle !"]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


class Tables:
    def __init__(self):
        places = list(read_tsv(os.path.join(DATA, "places", "postcode_commune.tsv")))
        self.places = [(p[0], p[1], p[2]) for p in places[1:] if len(p) >= 3]
        given = list(read_tsv(os.path.join(DATA, "names", "given_names.tsv")))
        family = list(read_tsv(os.path.join(DATA, "names", "family_names.tsv")))
        # The frequent names, weighted by births as in a real population.
        given = [r for r in given if r[1] in ("1", "2")]  # "both": no sex to write a NIR
        given.sort(key=lambda r: -int(r[2]))
        family.sort(key=lambda r: -int(r[1]))
        self.given = [(r[0].title(), int(r[1])) for r in given[:3000]]
        self.given_weights = [int(r[2]) for r in given[:3000]]
        self.family = [r[0] for r in family[:8000]]
        self.family_weights = [int(r[1]) for r in family[:8000]]


class Person:
    def __init__(self, t, rng):
        self.given, self.sex = rng.choices(t.given, t.given_weights)[0]
        self.family = rng.choices(t.family, t.family_weights)[0]
        self.day, self.month, self.year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1930, 2005)
        self.postcode, insee, self.commune = rng.choice(t.places)
        self.street = "%d%s %s %s" % (rng.randint(1, 180), rng.choice(["", "", "", " bis", " ter"]),
                                      rng.choice(STREET_TYPES), rng.choice(STREET_NAMES))
        self.phone = "%s %02d %02d" % (rng.choice(PHONE_BLOCKS), rng.randint(0, 99), rng.randint(0, 99))
        self.email = "%s.%s@%s" % (ascii_fold(self.given), ascii_fold(self.family), rng.choice(DOMAINS))
        self.nir = nir(self, insee, rng)
        self.doctor = "Dr " + rng.choices(t.family, t.family_weights)[0].title()
        self.blood = rng.choice(BLOOD)

    def birth(self):
        return "%02d/%02d/%d" % (self.day, self.month, self.year)


def ascii_fold(s):
    table = str.maketrans("éèêëàâäîïôöùûüçÉÈÊËÀÂÎÏÔÖÙÛÜÇ -'", "eeeeaaaiioouuucEEEEAAIIOOUUUC---")
    return s.translate(table).lower()


def nir(p, insee, rng):
    dept = insee[:2]
    commune = insee[2:]
    if dept == "97":
        dept, commune = insee[:3], insee[3:]
    first13 = "%d%02d%02d%s%s%03d" % (p.sex, p.year % 100, p.month, dept, commune, rng.randint(1, 999))
    n = int(first13.replace("2A", "19").replace("2B", "18"))
    key = 97 - n % 97
    spaced = rng.random() < 0.5
    if spaced:
        return "%s %s %s %s %s %s %02d" % (first13[0], first13[1:3], first13[3:5], first13[5:7],
                                          first13[7:10], first13[10:13], key)
    return "%s%02d" % (first13, key)


# With --rows: the count of pieces each generated file holds, not its size.
ROWS = 0


def pieces(size, piece, head=""):
    """`head`, then what piece() returns, called until `size` bytes are
    written (or ROWS times)."""
    out, n = [head], len(head.encode())
    if ROWS:
        out.extend(piece() for _ in range(ROWS))
        return "".join(out)
    while n < size:
        text = piece()
        out.append(text)
        n += len(text.encode())
    return "".join(out)


def leak_export(t, rng, size):
    def row():
        p = Person(t, rng)
        return ";".join([p.family, p.given, p.birth(), "MF"[p.sex - 1], p.street, p.postcode,
                         p.commune, p.phone, p.email, p.nir, p.blood, p.doctor,
                         rng.choice(INSURERS), rng.choice(COMMENTS)]) + "\n"
    return pieces(size, row, "nom;prenom;date_naissance;sexe;adresse;code_postal;ville;"
                  "telephone;email;num_secu;groupe_sanguin;medecin_traitant;mutuelle;commentaire\n")


def clinical_notes(t, rng, size):
    def note():
        p = Person(t, rng)
        title = "Mme" if p.sex == 2 else "M."
        return (
            "%s %s %s, né%s le %s, demeurant %s, %s %s. Tél. : %s. N° de sécurité sociale : %s.\n"
            "Adressé%s par le Dr %s, %s, pour %s. Antécédents : %s. Pas d'allergie connue.\n"
            "Traitement en cours : %s. Groupe sanguin %s. Compte rendu transmis à %s.\n\n"
            % (title, p.given, p.family, "e" if p.sex == 2 else "", p.birth(), p.street,
               p.postcode, p.commune, p.phone, p.nir, "e" if p.sex == 2 else "",
               p.doctor[3:], rng.choice(ROLES), rng.choice(CONDITIONS), rng.choice(CONDITIONS),
               rng.choice(DRUGS), p.blood, p.email))
    return pieces(size, note)


def messages(t, rng, size):
    def line():
        r = rng.random()
        if r < 0.03:
            return "appelle-moi au %s\n" % Person(t, rng).phone
        if r < 0.05:
            return "mon mail : %s\n" % Person(t, rng).email
        if r < 0.06:
            return "je suis chez le médecin, %s\n" % rng.choice(COMMENTS).lower()
        return rng.choice(CHAT) + "\n"
    return pieces(size, line)


def records(t, rng, size):
    count = [0]

    def record():
        p = Person(t, rng)
        count[0] += 1
        return json.dumps({
            "id": count[0], "nom": p.family, "prenom": p.given, "naissance": p.birth(),
            "adresse": "%s, %s %s" % (p.street, p.postcode, p.commune), "telephone": p.phone,
            "email": p.email, "nir": p.nir, "groupe_sanguin": p.blood, "medecin": p.doctor,
            "commentaire": rng.choice(COMMENTS)}, ensure_ascii=False) + "\n"
    return pieces(size, record)


def manpages():
    pages = sorted(glob.glob("/usr/share/man/fr/man*/*.gz"))
    if not pages:
        return None
    env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8")
    parts = []
    for page in pages:
        text = subprocess.run(["man", "-l", page], capture_output=True, env=env).stdout
        plain = subprocess.run(["col", "-b"], input=text, capture_output=True).stdout
        parts.append(plain.decode("utf-8", "replace"))
    return "".join(parts)


GENERATED = {"leak_export.csv": leak_export, "clinical_notes.txt": clinical_notes,
             "messages.txt": messages, "records.jsonl": records}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--scale", type=int, default=4 << 20, help="bytes per generated file")
    ap.add_argument("--rows", type=int, default=0, help="pieces per generated file, not bytes")
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--only", default="", help="comma-separated file names")
    args = ap.parse_args()
    global ROWS
    ROWS = args.rows
    os.makedirs(args.out_dir, exist_ok=True)
    only = set(filter(None, args.only.split(",")))
    tables = Tables()
    for name, make in GENERATED.items():
        if only and name not in only:
            continue
        rng = random.Random("%s/%d" % (name, args.seed))
        with open(os.path.join(args.out_dir, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(make(tables, rng, args.scale))
    if not only or "manpages.txt" in only:
        path = os.path.join(args.out_dir, "manpages.txt")
        if not os.path.exists(path):
            text = manpages()
            if text is None:
                print("make_inputs: manpages-fr is not installed (apt-get install manpages-fr "
                      "manpages-fr-dev man-db); manpages.txt skipped", file=sys.stderr)
            else:
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
