# SPDX-License-Identifier: Apache-2.0
"""Without --show-values, no output of `vigie scan` (text, JSONL, SARIF,
their summaries, errors and fingerprints) holds a detected value, written
as the input wrote it, normalized, or as its bare digits."""
import random
import re

import pytest

GIVEN = ["Hélène", "Mathilde", "Bernadette", "Christophe", "Sébastien", "Géraldine", "Thibault"]
FAMILY = ["GARNIER", "LEFEBVRE", "ROUSSEAU", "FONTAINE", "CHEVALIER", "MERCIER", "GAUTHIER"]
STREETS = ["rue des Lilas", "avenue Victor Hugo", "boulevard Voltaire", "impasse des Tilleuls"]
PLACES = [("56000", "Vannes"), ("69003", "Lyon"), ("33000", "Bordeaux"), ("59000", "Lille")]


def nir(rng: random.Random) -> str:
    body = f"{rng.choice('12')}{rng.randint(40, 99):02d}{rng.randint(1, 12):02d}" \
           f"{rng.choice(['75', '69', '33', '59'])}{rng.randint(1, 999):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def iban(rng: random.Random) -> str:
    bban = f"{rng.randint(10000, 99999)}{rng.randint(10000, 99999)}{rng.randint(10**10, 10**11 - 1)}"
    bban += f"{rng.randint(10, 96):02d}"
    digits = "".join(str(int(c, 36)) for c in bban + "FR00")
    check = 98 - int(digits) % 97
    raw = f"FR{check:02d}{bban}"
    return " ".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def records(seed: int, n: int):
    rng = random.Random(seed)
    rows, values = [], set()
    for _ in range(n):
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        day, month, year = rng.randint(1, 28), rng.randint(1, 12), rng.randint(1940, 2005)
        birth = f"{day:02d}/{month:02d}/{year}"
        phone = f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} " \
                f"{rng.randint(10, 99)}"
        mail = f"{given.lower().replace('é', 'e').replace('è', 'e')}.{family.lower()}" \
               f"{rng.randint(1, 99)}@example.org"
        number, street = rng.randint(1, 120), rng.choice(STREETS)
        postcode, commune = rng.choice(PLACES)
        n_nir, n_iban = nir(rng), iban(rng)
        rows.append(f"{family};{given};{birth};{number} {street};{postcode};{commune};{phone};"
                    f"{mail};{n_nir};{n_iban};Dr {rng.choice(FAMILY).capitalize()}")
        values.update({family, given, birth, phone, mail, n_nir, n_iban, f"{number} {street}",
                       f"{year}-{month:02d}-{day:02d}"})
    header = "nom;prenom;date_naissance;adresse;code_postal;ville;telephone;email;nir;iban;medecin"
    return header + "\n" + "\n".join(rows) + "\n", values


def forms(value: str) -> set[str]:
    """The ways an output could leak `value`: as written, in either case,
    and its digits without separators (phones also in E.164)."""
    out = {value, value.lower(), value.upper(), value.title()}
    digits = re.sub(r"\D", "", value)
    if len(digits) >= 6:
        out.add(digits)
        if digits.startswith("0") and len(digits) == 10:
            out.add("+33" + digits[1:])
    return out


@pytest.mark.parametrize("fmt", ["text", "jsonl", "sarif"])
def test_no_output_holds_a_detected_value(run, tmp_path, fmt):
    text, values = records(2021, 60)
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    missing = tmp_path / "absent.csv"
    masked = run("scan", "--format", fmt, path, missing)
    assert masked.returncode == 2, masked.stderr  # the missing file is an error
    output = (masked.stdout + masked.stderr).decode("utf-8")
    leaks = sorted(f for v in values for f in forms(v) if f in output)
    assert not leaks, leaks[:10]
    # The same run with --show-values prints them: the values were found,
    # and the test would see them.
    shown = run("scan", "--format", fmt, "--show-values", path).stdout.decode("utf-8")
    found = [v for v in values if any(f in shown for f in forms(v))]
    assert len(found) > len(values) * 0.6, (len(found), len(values))


@pytest.mark.parametrize("fmt", ["html", "json", "md"])
def test_no_report_holds_a_detected_value(run, tmp_path, fmt):
    text, values = records(2022, 60)
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    masked = run("report", "--format", fmt, path)
    assert masked.returncode == 0, masked.stderr
    output = (masked.stdout + masked.stderr).decode("utf-8")
    leaks = sorted(f for v in values for f in forms(v) if f in output)
    assert not leaks, leaks[:10]
    # With --show-values the columns' samples are the values themselves.
    shown = run("report", "--format", fmt, "--show-values", path).stdout.decode("utf-8")
    found = [v for v in values if any(f in shown for f in forms(v))]
    assert len(found) >= 6, found
