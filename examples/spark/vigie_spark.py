# SPDX-License-Identifier: Apache-2.0
"""vigie inside Apache Spark: one Scanner per worker process, built once.

The driver pickles a Scanner with its compiled databases
(`Scanner.with_database()`), so a worker loads them in milliseconds instead
of compiling (they need the driver's CPU features: the same machine type).
Each worker process keeps the Scanner it unpickled, keyed by its
configuration, for every task and every batch it runs afterwards.

    findings = scan_column(df, "comment")          # adds array<struct<kind,start,end,score>>
    counts = count_by_kind(spark, "exports/")      # kind, findings over a directory of CSV files
    safe = redact_column(df, "comment", vigie.RedactionPolicy(identity="token", key=secret))

Keyed actions give the same output for the same value, key and kind in
every worker, so tokens and surrogates made on different partitions still
join.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from typing import Dict, Iterator, Optional, Set, Tuple

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql.functions import pandas_udf
from pyspark.sql.types import ArrayType, DoubleType, IntegerType, StringType, StructField, StructType

import vigie

FINDING = StructType([
    StructField("kind", StringType(), False),
    StructField("start", IntegerType(), False),
    StructField("end", IntegerType(), False),
    StructField("score", DoubleType(), False),
])

# One Scanner per worker process and configuration.
_scanners: Dict[bytes, vigie.Scanner] = {}
_shipped: Set[str] = set()


def _scanner(payload: bytes) -> vigie.Scanner:
    scanner = _scanners.get(payload)
    if scanner is None:
        scanner = _scanners[payload] = pickle.loads(payload)
    return scanner


def findings_udf(scanner: Optional[vigie.Scanner] = None):
    """A pandas UDF (Iterator[pd.Series] form) that scans a string column and
    returns, per row, its findings as array<struct<kind,start,end,score>>;
    start and end are code points of the row's text."""
    payload = pickle.dumps((scanner or vigie.Scanner()).with_database())
    # The workers import this module to run the UDF: ship it with the job.
    _ship_this_module()

    @pandas_udf(ArrayType(FINDING))
    def scan(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        local = _scanner(payload)
        for texts in batches:
            rows = local.scan_batch(["" if t is None else t for t in texts])
            yield pd.Series([[{"kind": f.kind, "start": f.start, "end": f.end,
                               "score": f.score} for f in found] for found in rows])

    return scan


def scan_column(df: DataFrame, column: str, scanner: Optional[vigie.Scanner] = None,
                output: str = "findings") -> DataFrame:
    """`df` with a column of the findings in `column`."""
    return df.withColumn(output, findings_udf(scanner)(F.col(column)))


# One Redactor per worker process, scanner and policy.
_redactors: Dict[bytes, vigie.Redactor] = {}


def _ship_this_module() -> None:
    session = SparkSession.getActiveSession()
    if session is not None and __file__ not in _shipped:
        session.sparkContext.addPyFile(__file__)
        _shipped.add(__file__)


def redact_udf(policy: vigie.RedactionPolicy, scanner: Optional[vigie.Scanner] = None):
    """A pandas UDF that returns a string column redacted by `policy`. The
    key is read on the driver (the policy's, else $VIGIE_KEY) and travels to
    the workers with the task, as Spark ships any closure: run such jobs on
    a cluster whose traffic is encrypted (spark.network.crypto.enabled)."""
    key = policy.key if policy.key is not None else os.environ.get("VIGIE_KEY", "")
    payload = pickle.dumps(((scanner or vigie.Scanner()).with_database(),
                            dataclasses.replace(policy, key=key)))
    _ship_this_module()

    @pandas_udf(StringType())
    def redact(batches: Iterator[pd.Series]) -> Iterator[pd.Series]:
        local = _redactors.get(payload)
        if local is None:
            shipped: Tuple[vigie.Scanner, vigie.RedactionPolicy] = pickle.loads(payload)
            local = _redactors[payload] = shipped[0].redactor(shipped[1])
        for texts in batches:
            yield pd.Series([None if t is None else local.redact(t) for t in texts])

    return redact


def redact_column(df: DataFrame, column: str, policy: vigie.RedactionPolicy,
                  scanner: Optional[vigie.Scanner] = None) -> DataFrame:
    """`df` with `column` redacted in place."""
    return df.withColumn(column, redact_udf(policy, scanner)(F.col(column)))


def count_by_kind(spark: SparkSession, directory: str,
                  scanner: Optional[vigie.Scanner] = None) -> DataFrame:
    """Findings by kind over every CSV file of `directory`. Each file is
    scanned whole, as the `vigie` program does, so that its header row
    names the columns (`num_secu`, `telephone`): a file must fit in a
    worker's memory; split larger exports into parts that keep the header."""
    files = spark.read.text(directory, wholetext=True)
    found = scan_column(files, "value", scanner)
    return (found.select(F.explode("findings").alias("f"))
            .groupBy(F.col("f.kind").alias("kind")).count()
            .withColumnRenamed("count", "findings").orderBy("kind"))


def main() -> None:
    import argparse
    parser = argparse.ArgumentParser(description="Counts vigie's findings by kind over CSV files.")
    parser.add_argument("directory")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    spark = SparkSession.builder.master(args.master).appName("vigie-count").getOrCreate()
    count_by_kind(spark, args.directory).show(100, truncate=False)
    spark.stop()


if __name__ == "__main__":
    main()
