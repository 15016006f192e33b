# SPDX-License-Identifier: Apache-2.0
"""Both Spark jobs in local mode (local[2]), with the workers running the
same Python as the test (PYSPARK_PYTHON)."""
import os
import shutil
import sys
from pathlib import Path

import pytest
from pyspark.sql import SparkSession

sys.path.insert(0, str(Path(__file__).parent))
import vigie_spark  # noqa: E402

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def spark():
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (SparkSession.builder.master("local[2]").appName("vigie-test")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.bindAddress", "127.0.0.1")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .getOrCreate())
    yield session
    session.stop()


def test_scan_a_column(spark):
    rows = [("a", "Mme Hélène Garnier, NIR 2 87 03 56 260 117 30"),
            ("b", "rien à signaler"),
            ("c", None),
            ("d", "tél. 06 39 98 41 27, sérologie VIH négative")]
    df = spark.createDataFrame(rows, "id string, comment string").repartition(2)
    out = {r["id"]: r["findings"] for r in vigie_spark.scan_column(df, "comment").collect()}
    text = dict(rows)
    kinds = {i: [f["kind"] for f in found] for i, found in out.items()}
    assert kinds["a"] == ["PERSON", "FR_NIR"]
    assert kinds["b"] == [] and kinds["c"] == []
    assert kinds["d"][0] == "PHONE_NUMBER" and "HEALTH_SEXUAL" in kinds["d"]
    nir = out["a"][1]
    assert text["a"][nir["start"]:nir["end"]] == "2 87 03 56 260 117 30"  # code points
    assert 0.9 <= nir["score"] <= 1.0


def test_count_findings_by_kind_over_csv_files(spark, tmp_path):
    exports = tmp_path / "exports"
    exports.mkdir()
    sample = REPO / "examples" / "data" / "patients_labo.csv"
    for i in range(3):
        shutil.copy(sample, exports / f"part{i}.csv")
    counts = {r["kind"]: r["findings"] for r in vigie_spark.count_by_kind(spark, str(exports)).collect()}
    rows = 3 * (sample.read_text(encoding="utf-8").count("\n") - 1)
    for kind in ("FR_NIR", "PHONE_NUMBER", "EMAIL_ADDRESS", "FR_POSTAL_ADDRESS"):
        assert counts[kind] == rows, kind
    assert counts["PERSON"] >= rows


def test_redact_a_column_with_the_same_tokens_in_two_workers(spark):
    import vigie
    from pyspark.sql import functions as F
    note = "Mme Hélène Garnier, NIR 2 87 03 56 260 117 30, sérologie VIH négative"
    rows = [(str(i), note if i % 2 == 0 else "rien à signaler") for i in range(8)]
    df = spark.createDataFrame(rows, "id string, comment string").repartition(2, "id")
    policy = vigie.RedactionPolicy(identity="token", health="tag",
                                   key="a key of more than sixteen bytes")
    out = (vigie_spark.redact_column(df, "comment", policy)
           .withColumn("part", F.spark_partition_id()).collect())
    redacted = {r["comment"] for r in out if r["comment"] != "rien à signaler"}
    parts = {r["part"] for r in out if r["comment"] != "rien à signaler"}
    assert len(parts) == 2, "the rows with the note ran in both partitions"
    assert len(redacted) == 1, redacted  # one token for one person, whichever worker
    (text,) = redacted
    expected = vigie.Scanner().redact(note, policy)
    assert text == expected and "FR_NIR_" in text and "<HEALTH_SEXUAL>" in text
    assert "Garnier" not in text and "2 87 03" not in text
