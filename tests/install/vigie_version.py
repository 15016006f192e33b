# SPDX-License-Identifier: Apache-2.0
"""The version the tests expect: CMake's project(VERSION), the one source."""

import re
from pathlib import Path

_CMAKE = (Path(__file__).resolve().parents[2] / "CMakeLists.txt").read_text()
VERSION = re.search(r"project\(vigie VERSION ([0-9.]+)", _CMAKE)[1]
# The soname carries major.minor: a 0.x minor version may change the API.
SONAME = "libvigie.so." + ".".join(VERSION.split(".")[:2])
