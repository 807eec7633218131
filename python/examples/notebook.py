"""A notebook's first cell: the seed reports of data/ through govreport, then polars and DuckDB
over the tables. Run from the repository root: .venv/bin/python python/examples/notebook.py"""

from __future__ import annotations

import sys
from pathlib import Path

import govreport
from govreport.frames import read_files, to_duckdb, to_polars

root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("data")

# One document: the same dict as `govreport extract FILE`.
first = sorted(root.glob("*.txt"))[0]
doc = govreport.extract(first.read_bytes(), filename=first.name)
print(doc["document"]["title"], len(doc["facts"]), "facts")

# Many documents: one pyarrow RecordBatch per table.
tables = govreport.extract_batch(read_files(root, "*.txt"))
print({name: batch.num_rows for name, batch in tables.items()})

# polars: one DataFrame per table.
frames = to_polars(tables)
print(frames["facts"].group_by("quantity_kind").len().sort("len", descending=True).head(3))

# DuckDB: the batches as tables of an in-memory database (no copy).
con = to_duckdb(tables)
print(
    con.sql(
        "SELECT d.org_short, count(*) AS facts FROM facts f JOIN documents d USING (doc_id) "
        "GROUP BY 1 ORDER BY 2 DESC LIMIT 3"
    ).fetchall()
)
