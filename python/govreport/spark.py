"""Spark: the extraction inside ``DataFrame.mapInArrow``, on the executors, one Arrow batch of
documents at a time (``spark.sql.execution.arrow.maxRecordsPerBatch`` documents).

    from govreport.spark import read_files, extract_table
    files = read_files(spark, "/data/reports")                   # path (relative), content
    extract_table(files, "facts").write.parquet("/data/tables/facts")

Each call of :func:`extract_table` extracts every document again; :func:`write_tables` writes
all six tables from one pass.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Dict, Iterator

import pyarrow as pa

import govreport
from govreport.frames import write_parts

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StructType


def spark_schema(table: str) -> "StructType":
    """The Spark schema of a table (from its Arrow schema)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    schema: StructType = from_arrow_schema(govreport.schemas()[table])
    return schema


def read_files(spark: "SparkSession", root: str, pattern: str = "*") -> "DataFrame":
    """The files under ``root`` (every folder) as ``path`` (relative to ``root``, as a run
    names them) and ``content``. ``root`` is a local folder or a URI as Spark reads it
    (``s3a://bucket/reports``)."""
    from pyspark.sql import functions as F

    prefix = root.rstrip("/") + "/" if "://" in root else "file:" + os.path.abspath(root) + "/"
    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", pattern)
        .load(root)
    )
    relative = F.when(
        F.col("path").startswith(prefix), F.expr(f"substring(path, {len(prefix) + 1})")
    ).otherwise(F.col("path"))
    return files.select(relative.alias("path"), F.col("content"))


def _extract(table: str, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        yield govreport.extract_batch(batch)[table]


def extract_table(files: "DataFrame", table: str) -> "DataFrame":
    """One table of the documents of ``files`` (columns ``path`` and ``content``)."""
    if table not in govreport.TABLES:
        raise ValueError(f"{table!r} is not one of {govreport.TABLES}")
    rows = files.select("path", "content").mapInArrow(
        lambda batches: _extract(table, batches), spark_schema(table)
    )
    return with_duplicates(rows) if table == "documents" else rows


def with_duplicates(documents: "DataFrame") -> "DataFrame":
    """``duplicate_of`` across the whole dataset, as one run sets it: the first document in
    path order (names compared folder by folder) with the same ``body_sha``. Each batch marks
    only its own copies; this window over ``body_sha`` (a shuffle of the small documents rows)
    marks them all."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    first = F.first("doc_id").over(
        Window.partitionBy("body_sha").orderBy(F.split("source_path", "/"))
    )
    columns = [
        F.when(first != F.col("doc_id"), first).alias(c) if c == "duplicate_of" else F.col(c)
        for c in documents.columns
    ]
    return documents.select(*columns)


def write_tables(files: "DataFrame", output: str) -> Dict[str, int]:
    """All six tables from one pass over ``files``: each task writes its batches' tables as
    Parquet files ``output/<table>/part-<uuid>.parquet`` (a folder per table, readable as one
    dataset by Spark, pyarrow, polars and DuckDB) and reports their rows. ``output`` is a path
    every executor can write (a shared filesystem, or a URI pyarrow writes to: ``s3://...``).
    Returns the rows written per table."""
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    written = StructType([StructField("table", StringType()), StructField("rows", LongType())])
    counts = files.select("path", "content").mapInArrow(
        lambda batches: write_parts(batches, output), written
    )
    totals = {table: 0 for table in govreport.TABLES}
    for row in counts.collect():
        totals[row["table"]] += row["rows"]
    return totals
