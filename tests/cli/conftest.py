"""Fixtures for the tests of the `vigie` program: where it is, how to run it."""
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def vigie_bin() -> str:
    path = os.environ.get("VIGIE_BIN", str(REPO / "build" / "release" / "tools" / "vigie" / "vigie"))
    if not Path(path).is_file():
        pytest.fail(f"vigie program not found at {path}; build it or set VIGIE_BIN")
    return str(Path(path).resolve())


@pytest.fixture
def run(vigie_bin):
    def _run(*args, stdin: bytes | None = None, cwd: Path | None = None):
        return subprocess.run([vigie_bin, *map(str, args)], input=stdin, capture_output=True,
                              cwd=cwd, timeout=120)
    return _run


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return REPO / "examples" / "data"
