# SPDX-License-Identifier: Apache-2.0
"""One compiled scanner per session: compiling the health lexicons takes
seconds, loading them serialized a few milliseconds."""
import os
import tempfile
from pathlib import Path

import pytest

import vigie

REPO = Path(__file__).resolve().parents[3]
# Compiled detectors are cached by default: the tests' cache is their own.
_CACHE = tempfile.TemporaryDirectory(prefix="vigie-test-cache-")
os.environ["VIGIE_CACHE_DIR"] = _CACHE.name


@pytest.fixture(scope="session")
def scanner() -> vigie.Scanner:
    return vigie.Scanner()


@pytest.fixture(scope="session")
def database(scanner) -> bytes:
    return scanner.serialize()


@pytest.fixture(scope="session")
def valued(database) -> vigie.Scanner:
    """The same detectors, returning values (the options differ only in
    what is returned, so the compiled databases are the same)."""
    return vigie.Scanner(values=True, database=database)


@pytest.fixture(scope="session")
def vectors() -> Path:
    return REPO / "tests" / "data" / "vectors"
