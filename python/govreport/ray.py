"""Ray Data: the extraction inside ``Dataset.map_batches(batch_format="pyarrow")``.

    import ray
    from govreport.ray import read_files, extract_table
    files = read_files("/data/reports")                          # path (relative), content
    extract_table(files, "facts").write_parquet("/data/tables/facts")
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Dict, List, Tuple

import pyarrow as pa

import govreport
from govreport.frames import write_parts

if TYPE_CHECKING:
    import ray.data


def read_files(root: str, **options: Any) -> "ray.data.Dataset":
    """The files under ``root`` as ``path`` (relative to ``root``, as a run names them) and
    ``content``; ``options`` go to ``ray.data.read_binary_files``."""
    import ray.data

    base = os.path.abspath(root).rstrip("/") + "/" if "://" not in root else ""

    def relative(batch: Any) -> pa.Table:
        paths = [p[len(base):] if base and p.startswith(base) else p for p in batch["path"].to_pylist()]
        return pa.table({"path": pa.array(paths, pa.string()), "content": batch["bytes"]})

    files = ray.data.read_binary_files(root, include_paths=True, **options)
    return files.map_batches(relative, batch_format="pyarrow")


def extract_table(files: "ray.data.Dataset", table: str) -> "ray.data.Dataset":
    """One table of the documents of ``files`` (columns ``path`` and ``content``)."""
    if table not in govreport.TABLES:
        raise ValueError(f"{table!r} is not one of {govreport.TABLES}")

    def extract(batch: Any) -> pa.Table:
        return pa.Table.from_batches([govreport.extract_batch(batch)[table]])

    return files.map_batches(extract, batch_format="pyarrow")


def write_tables(files: "ray.data.Dataset", output: str) -> Dict[str, int]:
    """All six tables from one pass: each batch's tables written as Parquet parts
    ``output/<table>/part-<uuid>.parquet`` (see :func:`govreport.spark.write_tables`); returns
    the rows written per table."""
    def write(batch: Any) -> pa.Table:
        parts = list(write_parts(iter(batch.combine_chunks().to_batches()), output))
        columns: List[Tuple[str, pa.DataType]] = [("table", pa.string()), ("rows", pa.int64())]
        schema = pa.schema(columns)
        return pa.Table.from_batches(parts, schema=schema) if parts else schema.empty_table()

    totals = {table: 0 for table in govreport.TABLES}
    for row in files.map_batches(write, batch_format="pyarrow").iter_rows():
        totals[row["table"]] += row["rows"]
    return totals
