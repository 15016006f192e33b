#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Writes examples/data/: a synthetic lab export shaped like the 2021 leak.

Every value is invented. Phone numbers come from the blocks ARCEP reserves
for fiction (01 99 00, 02 61 91, 03 53 01, 04 65 71, 05 36 49, 06 39 98),
e-mail domains are the reserved example.org/.com/.net, and NIRs are built
from the invented birth date and place with a correct key. The output is
committed; run this again only to change the sample (seeded, reproducible).
"""
import random
import sys
from pathlib import Path

ROWS = 40
SEED = 20211123

SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèbvre", "Michel",
            "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
            "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet",
            "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc",
            "Guérin", "Muller", "Henry", "Roussel", "Nicolas"]
GIVEN = [("Jean", 1), ("Marie", 2), ("Pierre", 1), ("Nathalie", 2), ("Michel", 1),
         ("Isabelle", 2), ("Philippe", 1), ("Sylvie", 2), ("Alain", 1), ("Catherine", 2),
         ("Éric", 1), ("Françoise", 2), ("Stéphane", 1), ("Hélène", 2), ("Loïc", 1),
         ("Chloé", 2), ("Théo", 1), ("Léa", 2), ("Gaëlle", 2), ("Jérôme", 1)]
# (postcode, commune, department code in the NIR, commune code)
PLACES = [("75011", "Paris", "75", "111"), ("69003", "Lyon", "69", "383"),
          ("13005", "Marseille", "13", "205"), ("33000", "Bordeaux", "33", "063"),
          ("59000", "Lille", "59", "350"), ("31000", "Toulouse", "31", "555"),
          ("44000", "Nantes", "44", "109"), ("67000", "Strasbourg", "67", "482"),
          ("20000", "Ajaccio", "2A", "004"), ("20200", "Bastia", "2B", "033"),
          ("97400", "Saint-Denis", "974", "11"), ("97200", "Fort-de-France", "972", "09"),
          ("56000", "Vannes", "56", "260"), ("35000", "Rennes", "35", "238")]
STREETS = ["rue des Lilas", "avenue Jean Jaurès", "boulevard Victor Hugo", "place de la Mairie",
           "impasse des Tilleuls", "chemin du Moulin", "allée des Acacias", "rue Pasteur",
           "quai de la Loire", "route de Nantes"]
PHONE_BLOCKS = ["01 99 00", "02 61 91", "03 53 01", "04 65 71", "05 36 49", "06 39 98"]
DOMAINS = ["example.org", "example.com", "example.net"]
BLOOD = ["A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-", "O Rh-", "A Rh+"]
DOCTORS = ["Dr Marchand", "Dr Lemoine", "Dr Aubert", "Dr Rolland", "Dr Perrin", "Dr Benali"]
INSURERS = ["MGEN", "Harmonie Mutuelle", "Malakoff Humanis", "AG2R La Mondiale", "MAAF Santé",
            "CPAM seule", "C2S"]
COMMENTS = ["RAS", "Grossesse 14 SA, β-hCG positif", "Sérologie VIH négative",
            "Traitement : Levothyrox 75 µg", "Diabète de type 2, metformine 850 mg",
            "Contrôle INR sous Préviscan", "Bilan lipidique à refaire",
            "Patiente enceinte, toxoplasmose négative", "Suivi hépatite C",
            "HbA1c 7,2 %", "Allergie pénicilline", "RAI négative"]


def nir_key(first13: str) -> int:
    n = int(first13.replace("2A", "19").replace("2B", "18"))
    return 97 - n % 97


def fold(s: str) -> str:
    table = str.maketrans("éèêëàâäîïôöùûüçÉÈÊËÀÂÎÏÔÖÙÛÜÇ", "eeeeaaaiioouuucEEEEAAIIOOUUUC")
    return s.translate(table).lower()


def main() -> int:
    out_dir = Path(sys.argv[1] if len(sys.argv) > 1 else "examples/data")
    rng = random.Random(SEED)
    lines = ["nom;prenom;date_naissance;adresse;code_postal;commune;telephone;email;"
             "num_secu;groupe_sanguin;medecin_traitant;mutuelle;commentaire"]
    for i in range(ROWS):
        surname = SURNAMES[i % len(SURNAMES)]
        given, sex = GIVEN[rng.randrange(len(GIVEN))]
        year = rng.randrange(1940, 2005)
        month = rng.randrange(1, 13)
        day = rng.randrange(1, 29)
        postcode, commune, dept, commune_code = PLACES[rng.randrange(len(PLACES))]
        order = f"{rng.randrange(1, 1000):03d}"
        first13 = f"{sex}{year % 100:02d}{month:02d}{dept}{commune_code}{order}"
        key = nir_key(first13)
        nir = first13 + f"{key:02d}"
        if i % 3 == 0:  # a third written the way people write it
            nir = f"{nir[0]} {nir[1:3]} {nir[3:5]} {nir[5:7]} {nir[7:10]} {nir[10:13]} {nir[13:]}"
        block = PHONE_BLOCKS[rng.randrange(len(PHONE_BLOCKS))]
        phone = f"{block} {rng.randrange(100):02d} {rng.randrange(100):02d}"
        if i % 4 == 1:
            phone = "+33 " + phone[1:]
        elif i % 4 == 2:
            phone = phone.replace(" ", ".")
        email = f"{fold(given)}.{fold(surname)}@{DOMAINS[i % len(DOMAINS)]}".replace(" ", "")
        street = f"{rng.randrange(1, 120)} {STREETS[rng.randrange(len(STREETS))]}"
        lines.append(";".join([
            surname.upper(), given, f"{day:02d}/{month:02d}/{year}", street, postcode, commune,
            phone, email, nir, BLOOD[rng.randrange(len(BLOOD))],
            DOCTORS[rng.randrange(len(DOCTORS))], INSURERS[rng.randrange(len(INSURERS))],
            COMMENTS[rng.randrange(len(COMMENTS))]]))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "patients_labo.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
