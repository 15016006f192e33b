# SPDX-License-Identifier: Apache-2.0
"""The surrogates of `vigie redact` checked by the reference implementations
(python-stdnum, phonenumbers): an export of random valid identifiers is
redacted with surrogates, and every value written in their place must pass
the reference's checks, keep what it should (a NIR's sex, year, month and
department, an IBAN's country and bank, a phone's type) and differ from the
original. Mobile surrogates are numbers of ARCEP's block for fiction,
which phonenumbers does not list: checked apart (README)."""
import csv
import io
import os
import random
import subprocess
from pathlib import Path

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.fr import nir as std_nir
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

from test_reference import cnam_ranges_hold

REPO = Path(__file__).resolve().parents[2]
ROWS = 2000
KEY = "a key of more than sixteen bytes for the surrogates"
POLICY = """
[categories.identity]
action = "surrogate"
[categories.contact]
action = "surrogate"
[categories.financial]
action = "surrogate"
"""


def digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def with_luhn(body):
    return body + luhn.calc_check_digit(body)


def random_row(rng):
    while True:
        dept = rng.choice(["75", "2A", "2B", "13", "69", "59", "971", "974", "99"])
        place = dept + digits(rng, 5 - len(dept) + 3) if dept != "99" else "99" + digits(rng, 3)
        first13 = (rng.choice("12") + digits(rng, 2) + f"{rng.randint(1, 12):02d}" + place +
                   f"{rng.randint(1, 999):03d}")
        nir = first13 + std_nir.calc_check_digits(first13)
        if std_nir.is_valid(nir) and cnam_ranges_hold(nir):
            break
    bank, branch, account = digits(rng, 5), digits(rng, 5), digits(rng, 11)
    rib = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{rib:02d}"
    iban = "FR" + std_iban.calc_check_digits("FR00" + bban) + bban
    mobile = rng.random() < 0.5
    phone = (rng.choice(["06", "073", "074", "075", "076", "077", "078"]) if mobile else "")
    phone = (phone + digits(rng, 10 - len(phone)) if mobile
             else "0" + rng.choice("12345") + rng.choice("123456789") + digits(rng, 7))
    siren = with_luhn(rng.choice("123456789") + digits(rng, 7))
    siret = with_luhn(siren + digits(rng, 4))
    return {"num_secu": nir, "iban": iban, "telephone": phone, "siren": siren, "siret": siret}


def test_surrogates_pass_the_references_checks(tmp_path):
    vigie = os.environ.get("VIGIE_BIN", str(REPO / "build" / "release" / "tools" / "vigie" / "vigie"))
    rng = random.Random(15)
    rows = [random_row(rng) for _ in range(ROWS)]
    fields = list(rows[0])
    source = tmp_path / "export.csv"
    with open(source, "w", newline="") as f:
        w = csv.DictWriter(f, fields, delimiter=";", lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY)
    r = subprocess.run([vigie, "redact", "--policy", policy, "--verify", source],
                       capture_output=True, timeout=600,
                       env=dict(os.environ, VIGIE_KEY=KEY,
                                VIGIE_CACHE_DIR=str(tmp_path / "cache")))
    assert r.returncode == 0, r.stderr
    out = list(csv.DictReader(io.StringIO(r.stdout.decode()), delimiter=";"))
    assert len(out) == ROWS
    replaced = {field: 0 for field in fields}
    for old, new in zip(rows, out):
        for field in fields:
            replaced[field] += new[field] != old[field]
        n = new["num_secu"]
        assert std_nir.is_valid(n) and cnam_ranges_hold(n), (old["num_secu"], n)
        assert n[:7] == old["num_secu"][:7] or n[:8] == old["num_secu"][:8], (old, n)
        assert std_iban.is_valid(new["iban"]), (old["iban"], new["iban"])
        assert new["iban"][:9] == old["iban"][:9]  # country, check digits apart, bank
        assert std_siren.is_valid(new["siren"]), new["siren"]
        assert std_siret.is_valid(new["siret"]), new["siret"]
        # Geographic surrogates are valid fixed lines of the same zone for
        # phonenumbers; mobile ones fall in 06 39 98, ARCEP's block for
        # fiction, which phonenumbers does not list (it never rings anyone):
        # the one deliberate difference, checked on its own.
        phone = phonenumbers.parse(new["telephone"], "FR")
        if old["telephone"][1] in "67":
            assert new["telephone"][:6] == "063998", (old["telephone"], new["telephone"])
            assert not phonenumbers.is_valid_number(phone)
        else:
            assert phonenumbers.is_valid_number(phone), new["telephone"]
            assert phonenumbers.number_type(phone) == phonenumbers.PhoneNumberType.FIXED_LINE
            assert new["telephone"][:2] == old["telephone"][:2]
            assert new["telephone"][:6] in ("019900", "026191", "035301", "046571", "053649")
    # Every value found was replaced (the scan finds nearly all of them).
    for field, n in replaced.items():
        assert n >= 0.98 * ROWS, (field, n)
