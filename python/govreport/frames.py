"""Files in, and the tables out: to polars, to DuckDB, or to Parquet parts (the cluster
adapters' one-pass writer). A few lines each."""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Dict, Iterator, Optional, Union

import pyarrow as pa

import govreport

if TYPE_CHECKING:
    import duckdb
    import polars

#: The columns govreport.extract_batch reads.
INPUT_SCHEMA = govreport._INPUT_SCHEMA


def read_files(root: Union[str, Path], pattern: str = "*") -> pa.RecordBatch:
    """The files under ``root`` matching ``pattern`` (searched in every folder) as a batch for
    :func:`govreport.extract_batch`: ``path`` relative to ``root`` (``/``-separated) and
    ``content``, in the order a run reads them (names compared folder by folder), so that the
    rows are ``govreport run``'s for the same folder."""
    base = Path(root)
    files = sorted(
        (p.relative_to(base).as_posix() for p in base.rglob(pattern) if p.is_file()),
        key=lambda rel: rel.split("/"),
    )
    return pa.RecordBatch.from_pydict(
        {"path": files, "content": [(base / f).read_bytes() for f in files]},
        schema=INPUT_SCHEMA,
    )


def to_polars(tables: Dict[str, pa.RecordBatch]) -> Dict[str, "polars.DataFrame"]:
    """Each table as a polars DataFrame (zero-copy where polars can)."""
    import polars as pl

    frames: Dict[str, pl.DataFrame] = {}
    for name, batch in tables.items():
        frame = pl.from_arrow(batch)
        assert isinstance(frame, pl.DataFrame)
        frames[name] = frame
    return frames


def to_duckdb(
    tables: Dict[str, pa.RecordBatch], con: Optional["duckdb.DuckDBPyConnection"] = None
) -> "duckdb.DuckDBPyConnection":
    """Each table registered under its name in a DuckDB connection (a new in-memory one by
    default): ``con.sql("SELECT ... FROM facts JOIN documents USING (doc_id)")``."""
    import duckdb

    con = con or duckdb.connect()
    for name, batch in tables.items():
        con.register(name, pa.Table.from_batches([batch], schema=batch.schema))
    return con


def write_parts(batches: Iterator[pa.RecordBatch], output: str) -> Iterator[pa.RecordBatch]:
    """Extracts each batch and writes its tables as Parquet parts under ``output``; yields
    ``(table, rows)`` for each part. Used by the Spark and Ray adapters' ``write_tables``."""
    import pyarrow.parquet as pq

    for batch in batches:
        for table, rows in govreport.extract_batch(batch).items():
            if rows.num_rows == 0:
                continue
            folder = f"{output.rstrip('/')}/{table}"
            if "://" not in folder:
                os.makedirs(folder, exist_ok=True)
            pq.write_table(pa.Table.from_batches([rows]), f"{folder}/part-{uuid.uuid4().hex}.parquet")
            yield pa.RecordBatch.from_pydict({"table": [table], "rows": [rows.num_rows]})
