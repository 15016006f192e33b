# SPDX-License-Identifier: Apache-2.0
"""The licence files that the source tree and every package of vigie carry:
LICENSE (Apache-2.0), NOTICE, and the licences of the embedded data at the
paths NOTICE names (lib/data/NOTICE.md and the texts beside the tables)."""

import re
from pathlib import Path


def named_in_notice(notice: str) -> list[str]:
    """The files under lib/data that NOTICE names."""
    return sorted(set(re.findall(r"lib/data/[\w/.-]+\.(?:txt|md)", notice)))


def assert_licences(root: Path) -> None:
    licence = (root / "LICENSE").read_text(encoding="utf-8")
    assert licence.lstrip().startswith("Apache License") and "Version 2.0, January 2004" in licence
    notice = (root / "NOTICE").read_text(encoding="utf-8")
    assert "Apache License, Version 2.0" in notice
    names = named_in_notice(notice)
    assert "lib/data/NOTICE.md" in names and len(names) >= 5, names
    missing = [name for name in names if not (root / name).is_file()]
    assert not missing, f"named in NOTICE, absent from {root}: {missing}"
