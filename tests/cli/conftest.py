# SPDX-License-Identifier: Apache-2.0
"""Fixtures for the tests of the `vigie` program: where it is, how to run it."""
import os
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# What a sanitizer prints when it finds something (the test command's
# builds with ASan, UBSan and TSan run these tests too).
SANITIZER_REPORT = re.compile(rb"ERROR: (Address|Thread|Leak)Sanitizer|WARNING: ThreadSanitizer|"
                              rb"runtime error:|SUMMARY: (Address|Thread|UndefinedBehavior)Sanitizer")


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
    """Runs vigie; `vigie scan`, `redact` and `report` load their compiled detectors from a database
    shared by the session (one per --kinds value), since compiling the
    health lexicons takes seconds. Pass compile=True to compile afresh, or
    env (with VIGIE_CACHE_DIR) to test the default cache."""
    def _run(*args, stdin: bytes | None = None, cwd: Path | None = None, compile=False,
             env: dict | None = None):
        args = [str(a) for a in args]
        # With env, the caller tests the default cache itself.
        compiled = args and args[0] in ("scan", "redact", "report") and "--database" not in args
        if compiled and (env is None or "VIGIE_CACHE_DIR" not in env):
            if compile:
                args[1:1] = ["--no-cache"]
            elif "--no-cache" not in args:
                kinds = args[args.index("--kinds") + 1] if "--kinds" in args else "all"
                args[1:1] = ["--database", str(database_dir / f"{kinds}.vigiedb")]
        # The default cache of compiled detectors is the session's, never the user's.
        environment = dict(os.environ, VIGIE_CACHE_DIR=str(database_dir / "cache"))
        environment.update(env or {})
        result = subprocess.run([vigie_bin, *args], input=stdin, capture_output=True,
                                cwd=cwd, timeout=300, env=environment)
        assert not SANITIZER_REPORT.search(result.stderr), result.stderr.decode(errors="replace")
        return result
    return _run


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return REPO / "examples" / "data"
