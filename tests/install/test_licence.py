# SPDX-License-Identifier: Apache-2.0
"""vigie's licence in the source tree: LICENSE and NOTICE, an SPDX
identifier in every source file, the data's licence texts that NOTICE and
lib/data/NOTICE.md name, and the same licence in the package metadata (the
Python package, the Conan recipe). The packages themselves are checked by
test_install.py, test_conan.py and the Python package's tests."""

import ast
import fnmatch
import tomllib
from pathlib import Path

from licences import assert_licences, named_in_notice

SOURCE = Path(__file__).resolve().parents[2]
SPDX = "SPDX-License-Identifier: Apache-2.0"
# Where vigie's own sources are, and which of their files are code.
SOURCE_DIRS = [".ci", "benchmarks", "bindings", "cmake", "conan", "examples", "fuzz", "include", "lib",
               "scripts", "tests", "tools"]
CODE = ["*.cc", "*.h", "*.h.in", "*.py", "*.pyi", "*.sh", "*.cmake", "*.cmake.in", "*.pc.in",
        "CMakeLists.txt", "run"]
# The licences of the embedded data: every package names them all.
DATA_LICENCES = ["Apache-2.0", "MPL-2.0", "CC-BY-4.0", "BSD-3-Clause", "MIT", "CC0-1.0",
                 "etalab-2.0"]


def code_files():
    for top in SOURCE_DIRS:
        for path in sorted((SOURCE / top).rglob("*")):
            relative = path.relative_to(SOURCE).as_posix()
            if relative.startswith("tests/data/") or "/build" in relative or not path.is_file():
                continue
            if any(fnmatch.fnmatch(path.name, pattern) for pattern in CODE):
                yield path


def test_licence_and_notice_name_every_data_licence():
    assert_licences(SOURCE)
    notice = (SOURCE / "NOTICE").read_text(encoding="utf-8")
    data_notice = (SOURCE / "lib" / "data" / "NOTICE.md").read_text(encoding="utf-8")
    # Every licence text beside the tables is named in NOTICE and in the
    # data's own NOTICE.md.
    texts = sorted(p.relative_to(SOURCE).as_posix()
                   for p in (SOURCE / "lib" / "data").rglob("LICENSE_*"))
    assert len(texts) >= 4, texts
    for text in texts:
        assert text in named_in_notice(notice), text
        assert text.removeprefix("lib/data/") in data_notice, text


def test_every_source_file_names_its_licence():
    files = list(code_files())
    assert len(files) > 150, len(files)  # the walk found the tree
    missing = [p.relative_to(SOURCE).as_posix() for p in files
               if SPDX not in "".join(p.read_text(encoding="utf-8").splitlines(True)[:3])]
    assert not missing, f"no '{SPDX}' in the first lines of: {missing}"


def test_python_package_metadata_carries_the_licences():
    project = tomllib.loads((SOURCE / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"].split(" AND ") == DATA_LICENCES
    matched = {p.relative_to(SOURCE).as_posix()
               for pattern in project["license-files"] for p in SOURCE.glob(pattern)}
    notice = (SOURCE / "NOTICE").read_text(encoding="utf-8")
    assert {"LICENSE", "NOTICE", *named_in_notice(notice)} <= matched, matched


def test_conan_recipe_carries_the_licences():
    recipe = ast.parse((SOURCE / "conan" / "conanfile.py").read_text(encoding="utf-8"))
    licences = [ast.literal_eval(node.value) for node in ast.walk(recipe)
                if isinstance(node, ast.Assign)
                and any(getattr(t, "id", None) == "license" for t in node.targets)]
    assert licences == [tuple(DATA_LICENCES)]

