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


@pytest.fixture(scope="session")
def database_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("databases")


@pytest.fixture
def run(vigie_bin, database_dir):
    """Runs vigie; `vigie scan` loads its compiled detectors from a database
    shared by the session (one per --kinds value), since compiling the
    health lexicons takes seconds. Pass compile=True to compile afresh."""
    def _run(*args, stdin: bytes | None = None, cwd: Path | None = None, compile=False):
        args = [str(a) for a in args]
        if args and args[0] == "scan" and not compile and "--database" not in args:
            kinds = args[args.index("--kinds") + 1] if "--kinds" in args else "all"
            args[1:1] = ["--database", str(database_dir / f"{kinds}.vigiedb")]
        return subprocess.run([vigie_bin, *args], input=stdin, capture_output=True,
                              cwd=cwd, timeout=300)
    return _run


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return REPO / "examples" / "data"
