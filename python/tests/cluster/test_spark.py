"""The Spark adapter on local[2] against `govreport run` (make test-cluster)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

import govreport
from conftest import assert_same_tables, run_tables

if not os.environ.get("GOVREPORT_CLUSTER_TESTS"):
    pytest.skip("Spark test: heavy (a JDK and pyspark), run by `make test-cluster`", allow_module_level=True)

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # The workers run this interpreter, where govreport is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("govreport-test")
        # Small Arrow batches: the documents cross several batches and both workers.
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "4")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_spark_tables_equal_the_runs(spark, corpus: Path, tmp_path: Path) -> None:
    from govreport.spark import extract_table, read_files, write_tables

    run = run_tables(corpus, tmp_path / "run" / "out")
    # Spark's file listing leaves out files of 0 bytes: the run's "file is empty" rejects are
    # the rows it cannot have.
    rejects = run["rejects"]
    run["rejects"] = rejects.filter(pc.not_equal(rejects["source_bytes"], 0))
    assert run["rejects"].num_rows == rejects.num_rows - 1
    files = read_files(spark, str(corpus)).repartition(2)
    # One table a job, written by Spark (duplicate_of across the dataset, as in a run) ...
    for table in govreport.TABLES:
        extract_table(files, table).write.parquet(str(tmp_path / "spark" / table))
    by_spark = {t: pq.read_table(tmp_path / "spark" / t) for t in govreport.TABLES}
    assert_same_tables(run, by_spark)
    # ... and all six from one pass, each task writing its Parquet parts.
    written = write_tables(files, str(tmp_path / "parts"))
    assert written == {t: run[t].num_rows for t in govreport.TABLES}
    by_parts = {t: pq.read_table(tmp_path / "parts" / t) for t in govreport.TABLES}
    assert_same_tables(run, by_parts, batch_duplicates=True)
