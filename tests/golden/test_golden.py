# SPDX-License-Identifier: Apache-2.0
"""The findings on the golden inputs equal the recorded ones (see golden.py)."""
import difflib
import os

import golden


def differences(actual: list[str], wanted: list[str], limit: int = 40) -> str:
    diff = difflib.unified_diff(wanted, actual, "expected", "actual", lineterm="", n=0)
    return "\n".join(line for _, line in zip(range(limit), diff))


def test_findings_equal_the_recorded_ones():
    wanted = golden.expected()
    assert len(wanted) > 10000  # the sample, the generated inputs and QUAERO
    actual = golden.scan(os.environ["VIGIE_BIN"])
    assert actual == wanted, differences(actual, wanted)


def test_jobs_keep_the_order_and_the_findings_of_one_job():
    wanted = golden.expected()
    for jobs in ("1", "3"):
        actual = golden.scan(os.environ["VIGIE_BIN"], ["-j", jobs])
        assert actual == wanted, "-j %s\n%s" % (jobs, differences(actual, wanted))
