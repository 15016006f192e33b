# SPDX-License-Identifier: Apache-2.0
"""The Conan 2 recipe (conan/), exercised for real and offline: `conan
create` with the Debian profile builds vigie, packages it, and builds and
runs conan/test_package against the package, static and shared.

VIGIE_CONAN names the conan program (scripts/test.sh installs it from PyPI
into build/venv-conan) and CONAN_HOME its cache (build/conan-home).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from licences import assert_licences
from vigie_version import VERSION

SOURCE = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def conan():
    program = os.environ.get("VIGIE_CONAN")
    if not program or not Path(program).is_file():
        pytest.fail("VIGIE_CONAN must name the conan program")
    if not os.environ.get("CONAN_HOME"):
        pytest.fail("CONAN_HOME must name a cache of vigie's own")
    return program


@pytest.mark.parametrize("shared", [False, True], ids=["static", "shared"])
def test_conan_create_offline(conan, tmp_path, shared):
    # The test package is built from a copy, so that the source tree stays clean.
    test_folder = tmp_path / "test_package"
    shutil.copytree(SOURCE / "conan" / "test_package", test_folder,
                    ignore=shutil.ignore_patterns("build", "CMakeUserPresets.json"))
    result = subprocess.run(
        [conan, "create", SOURCE / "conan", "--profile:all", SOURCE / "conan" / "profiles" / "debian12",
         "--build=missing", "--no-remote", "--test-folder", test_folder,
         "--options", f"&:shared={shared}", "--format=json"],
        capture_output=True, text=True)
    # The log goes to stderr, the dependency graph (JSON) to stdout.
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"vigie {VERSION}: FR_NIR found, PHONE_NUMBER found" in result.stderr
    nodes = {node["ref"].split("#")[0]: node
             for node in json.loads(result.stdout)["graph"]["nodes"].values()}
    # The dependencies came from the system, none from a remote.
    for name in ("abseil/20220623.1", "icu/72.1", "libphonenumber/8.12.57", "openssl/3.0.19"):
        assert nodes[name]["recipe"] == "Platform", name
    package = Path(nodes[f"vigie/{VERSION}"]["package_folder"])
    libs = {p.name for p in (package / "lib").iterdir()}
    assert ("libvigie.so" in libs) == shared and ("libvigie.a" in libs) == (not shared), libs
    assert not (package / "lib" / "cmake").exists()  # Conan's generators describe it
    assert_licences(package / "licenses")
    assert not (package / "share").exists()  # the same files, once
