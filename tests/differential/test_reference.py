# SPDX-License-Identifier: Apache-2.0
"""vigie's validators against the reference implementations from PyPI
(python-stdnum, phonenumbers) on 100,000 random candidates each. Verdicts
agree except for a short list of deliberate differences, each checked by
its own rule below and listed in README."""
import random
from collections import Counter

import phonenumbers
from stdnum import iban as std_iban
from stdnum import luhn
from stdnum.fr import nir as std_nir
from stdnum.fr import siren as std_siren
from stdnum.fr import siret as std_siret

N = 100_000
DIGITS = "0123456789"


def rand_digits(rng, n):
    return "".join(rng.choice(DIGITS) for _ in range(n))


def nir_candidates(rng):
    out = []
    for _ in range(N):
        sex = rng.choice("1212123478905")
        month = rng.choice([f"{m:02d}" for m in range(0, 100)] + [f"{m:02d}" for m in range(1, 13)] * 8)
        dept = rng.choice(["75", "2A", "2B", "99", "00", "96", "97", "98", "20"] +
                          [f"{d:02d}" for d in range(1, 96)])
        first13 = sex + rand_digits(rng, 2) + month + dept + rand_digits(rng, 6)
        if rng.random() < 0.6:
            key = std_nir.calc_check_digits(first13)
        else:
            key = rand_digits(rng, 2)
        out.append(first13 + key)
    return out


def cnam_ranges_hold(value):
    """CNAM's ranges, which stdnum does not check, read from the value
    itself: sex 1 or 2 (3, 4, 7, 8 for temporary numbers), month 01-12 or
    20-99 (unknown), department neither 00 nor 96, order not 000."""
    month = int(value[3:5])
    return (value[0] in "123478" and (1 <= month <= 12 or month >= 20)
            and value[5:7] not in ("00", "96") and value[10:13] != "000")


def test_nir_against_stdnum(validate_batch):
    rng = random.Random(2026)
    values = nir_candidates(rng)
    ours = validate_batch("nir", values)
    # vigie's verdict is stdnum's (shape and key) and CNAM's ranges, each
    # computed here on its own.
    differ = 0
    for value, v in zip(values, ours):
        ref = std_nir.is_valid(value)
        expected = ref and cnam_ranges_hold(value)
        assert v["valid"] == expected, (value, v, ref)
        differ += ref != v["valid"]
    # The candidates draw about one in six keyed values outside the ranges.
    assert 0.10 * N < differ < 0.25 * N, differ


def test_siren_against_stdnum(validate_batch):
    rng = random.Random(7)
    values = []
    for _ in range(N):
        body = rand_digits(rng, 8)
        check = luhn.calc_check_digit(body) if rng.random() < 0.5 else rng.choice(DIGITS)
        values.append(body + check)
    ours = validate_batch("siren", values)
    mismatches = [(x, v) for x, v in zip(values, ours) if v["valid"] != std_siren.is_valid(x)]
    assert mismatches == []
    assert sum(v["valid"] for v in ours) > 0.4 * N


def test_siret_against_stdnum(validate_batch):
    rng = random.Random(8)
    values = []
    for i in range(N):
        siren = "356000000" if i % 10 == 0 else rand_digits(rng, 8)
        if len(siren) == 8:
            siren += luhn.calc_check_digit(siren)
        body = siren + rand_digits(rng, 4)
        check = luhn.calc_check_digit(body) if rng.random() < 0.5 else rng.choice(DIGITS)
        values.append(body + check)
    values.append("35600000000048")  # La Poste's head office
    ours = validate_batch("siret", values)
    mismatches = [(x, v) for x, v in zip(values, ours) if v["valid"] != std_siret.is_valid(x)]
    assert mismatches == []


def iban_candidates(rng):
    registry = {}
    for line in open(std_iban.__file__.replace("iban.py", "iban.dat")):
        if line.startswith("#") or not line.strip():
            continue
        cc = line[:2]
        bban = line.split('bban="')[1].split('"')[0]
        registry[cc] = bban
    alphabet = {"n": DIGITS, "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "c": DIGITS + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    countries = sorted(registry)
    out = []
    for _ in range(N):
        cc = "FR" if rng.random() < 0.3 else rng.choice(countries)
        bban = ""
        spec = registry[cc]
        i = 0
        while i < len(spec):
            j = spec.index("!", i)
            count, kind = int(spec[i:j]), spec[j + 1]
            bban += "".join(rng.choice(alphabet[kind]) for _ in range(count))
            i = j + 2
        if rng.random() < 0.7:
            check = std_iban.calc_check_digits(cc + "00" + bban)
        else:
            check = rand_digits(rng, 2)
        out.append(cc + check + bban)
    return out


def test_iban_against_stdnum(validate_batch):
    rng = random.Random(9)
    values = iban_candidates(rng)
    ours = validate_batch("iban", values)
    differ = Counter()
    for value, v in zip(values, ours):
        ref = std_iban.is_valid(value, check_country=False)
        if v["valid"] == ref:
            continue
        # vigie also checks the French RIB key inside FR and MC IBANs.
        assert ref and not v["valid"] and v["reason"] == "RIB key does not match", (value, v)
        assert value[:2] in ("FR", "MC")
        differ[value[:2]] += 1
    assert differ["FR"] > 0


def phone_candidates(rng):
    writings = [
        lambda d: " ".join([d[:2], d[2:4], d[4:6], d[6:8], d[8:]]),
        lambda d: ".".join([d[:2], d[2:4], d[4:6], d[6:8], d[8:]]),
        lambda d: d,
        lambda d: "+33 " + d[1] + " " + " ".join([d[2:4], d[4:6], d[6:8], d[8:]]),
        lambda d: "+33" + d[1:],
        lambda d: "0033 " + d[1:],
        lambda d: "+33 (0)" + d[1] + " " + d[2:],
    ]
    out = []
    for _ in range(N):
        lead = rng.choice(["01", "02", "03", "04", "05", "06", "07", "08", "09", "0262", "0269",
                           "0590", "0594", "0596", "0639", "0692", "0694", "0696", "070", "080"])
        d = lead + rand_digits(rng, 10 - len(lead))
        out.append((rng.choice(writings)(d), d))
    return out


def reference_phone(value):
    try:
        n = phonenumbers.parse(value, "FR")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(n):
        return None
    return phonenumbers.format_number(n, phonenumbers.PhoneNumberFormat.E164)


# ARCEP's blocks of the 10-digit plan that belong to overseas departments
# (Réunion, Mayotte, Guadeloupe, Guyane, Martinique).
OVERSEAS = ("0262", "0263", "0269", "0639", "0692", "0693", "0590", "0690", "0691", "0594", "0694",
            "0596", "0696", "0697")


def difference_class(digits):
    """Why vigie and phonenumbers may disagree on a number, from its
    national digits alone (see the rules below)."""
    if digits.startswith("063998"):
        return "fiction block"
    if digits.startswith(OVERSEAS):
        return "overseas"
    if digits.startswith("08"):
        return "08 plan"
    if digits[1] in "123459":
        return "unallocated block"
    return None


def test_phone_against_phonenumbers(validate_batch):
    rng = random.Random(10)
    candidates = phone_candidates(rng)
    values = [value for value, _ in candidates]
    ours = validate_batch("phone", values)
    reasons = Counter()
    for (value, digits), v in zip(candidates, ours):
        ref = reference_phone(value)
        if v["valid"] and ref == v["e164"]:
            continue
        if not v["valid"] and ref is None:
            continue
        if v["valid"] and v["territory"] != "FR":
            # Overseas departments share the 10-digit plan: vigie gives
            # them their own country code (+262, +590, +594, +596), which
            # phonenumbers does only when told the region.
            reason = "overseas"
        elif v["valid"] and v["e164"].startswith("+3363998"):
            # 06 39 98: the block ARCEP reserves for fiction, metropolitan.
            reason = "fiction block"
        elif v["valid"] and v["type"] == "special":
            # 08 numbers are checked by their first two digits only.
            reason = "08 plan"
        elif v["valid"] and ref is None and v["e164"][3] in "123459":
            # Blocks not yet allocated by ARCEP: vigie checks the plan's
            # ranges by their first digit, phonenumbers by allocated block.
            reason = "unallocated block"
        else:
            raise AssertionError(f"{value}: vigie {v}, phonenumbers {ref}")
        # The reason vigie's answer gives must be the one the number's own
        # digits give, computed apart.
        assert reason == difference_class(digits), (value, reason, v, ref)
        reasons[reason] += 1
    # Bounded: each class holds at most the candidates drawn in it, and all
    # differences together a minority.
    drawn = Counter(difference_class(d) for _, d in candidates)
    for reason, count in reasons.items():
        assert count <= drawn[reason], (reason, count, drawn[reason])
    assert reasons["overseas"] > 0
    assert sum(reasons.values()) < 0.5 * N, reasons
