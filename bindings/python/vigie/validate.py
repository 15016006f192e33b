# SPDX-License-Identifier: Apache-2.0
"""vigie's validators, one function per kind, each explaining its verdict.

    >>> from vigie import validate
    >>> v = validate.nir("2 84 05 2A 321 025 52")
    >>> v.valid, v["department"], v["form"]
    (True, '2A', 'permanent')
    >>> validate.nir("2 84 05 2A 321 025 53").reason
    'key does not match'

The fields are those `vigie validate KIND VALUE` prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from . import _vigie

__all__ = [
    "Validation", "validators", "check", "nir", "phone", "email", "iban", "card", "siren",
    "siret", "tva", "nif", "rpps", "adeli", "finess", "cip13", "cni", "passport", "date",
    "address", "name",
]


@dataclass(frozen=True)
class Validation:
    """A validator's verdict: valid or not, why not, the normalized value,
    and the parsed fields (NIR: sex, birth year and month, department...)."""

    valid: bool
    value: str
    normalized: str = ""
    reason: Optional[str] = None
    fields: Dict[str, Any] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Any:
        return self.fields[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def __bool__(self) -> bool:
        return self.valid


def validators() -> List[str]:
    """The kinds :func:`check` accepts."""
    return list(_vigie.validators())


def check(kind: str, value: str) -> Validation:
    """Runs validator `kind` ("nir", "phone", "iban", "address", "name"...) on
    `value`; ValueError for an unknown kind."""
    valid, normalized, reason, fields = _vigie.validate(kind, value)
    return Validation(valid, value, normalized, reason, fields)


def nir(value: str) -> Validation:
    """French social security number: sex, birth year and month, place,
    order, key; temporary, NNP and migrant forms."""
    return check("nir", value)


def phone(value: str) -> Validation:
    """Phone number: E.164 form, territory, type."""
    return check("phone", value)


def email(value: str) -> Validation:
    return check("email", value)


def iban(value: str) -> Validation:
    """IBAN: country, length, mod-97, and the RIB key for FR/MC."""
    return check("iban", value)


def card(value: str) -> Validation:
    """Payment card: issuer range, length, Luhn; the brand."""
    return check("card", value)


def siren(value: str) -> Validation:
    return check("siren", value)


def siret(value: str) -> Validation:
    return check("siret", value)


def tva(value: str) -> Validation:
    """French intra-community VAT number (Monaco too)."""
    return check("tva", value)


def nif(value: str) -> Validation:
    """French tax number (numéro fiscal)."""
    return check("nif", value)


def rpps(value: str) -> Validation:
    return check("rpps", value)


def adeli(value: str) -> Validation:
    return check("adeli", value)


def finess(value: str) -> Validation:
    return check("finess", value)


def cip13(value: str) -> Validation:
    return check("cip13", value)


def cni(value: str) -> Validation:
    return check("cni", value)


def passport(value: str) -> Validation:
    return check("passport", value)


def date(value: str) -> Validation:
    return check("date", value)


def address(value: str) -> Validation:
    """French postal address, parsed and checked against the postcode-commune
    table: number, type of way, name, complement, postcode, commune."""
    return check("address", value)


def name(value: str) -> Validation:
    """Person name: title, given names, family name, sex, births (INSEE)."""
    return check("name", value)
