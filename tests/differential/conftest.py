# SPDX-License-Identifier: Apache-2.0
"""Fixtures for the differential tests: the vigie program, run in batches."""
import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def validate_batch():
    path = os.environ.get("VIGIE_BIN", str(REPO / "build" / "release" / "tools" / "vigie" / "vigie"))
    if not Path(path).is_file():
        pytest.fail(f"vigie program not found at {path}")

    def run(kind: str, values: list[str]) -> list[dict]:
        data = "".join(v + "\n" for v in values).encode()
        r = subprocess.run([path, "validate", kind], input=data, capture_output=True, timeout=600)
        assert r.returncode in (0, 1), r.stderr
        out = [json.loads(line) for line in r.stdout.decode().splitlines()]
        assert len(out) == len(values)
        return out

    return run
