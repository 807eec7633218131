"""`govreport.extract_batch` against `govreport run` on the same files: the same tables, row
for row, with the same Arrow schemas."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

import govreport
from conftest import as_batch, corpus_files, run_tables


def rows(table: pa.Table) -> list:
    return table.to_pylist()


@pytest.fixture(scope="module")
def both(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple:
    out = tmp_path_factory.mktemp("run") / "out"
    batch = as_batch(corpus_files(corpus))
    return run_tables(corpus, out), govreport.extract_batch(batch)


@pytest.mark.parametrize("table", govreport.TABLES)
def test_each_table_equals_the_runs_row_for_row(both: tuple, table: str) -> None:
    run, batches = both
    got = batches[table]
    assert isinstance(got, pa.RecordBatch)
    expected = run[table]
    # The same columns and types as the Parquet file's (its schema is the run's Arrow schema).
    assert got.schema.equals(expected.schema, check_metadata=False), table
    assert got.num_rows == expected.num_rows > 0
    # Rows in input order in both: compared as they come, then again sorted.
    assert rows(pa.Table.from_batches([got])) == rows(expected)


def test_the_batch_has_every_kind_of_row(both: tuple) -> None:
    _, batches = both
    documents = batches["documents"].to_pydict()
    assert "md/report.md" in documents["source_path"]
    assert {"txt", "md", "html"} <= set(documents["source_format"])
    assert any(documents["duplicate_of"]), "the mirror's copy points to the first"
    rejects = batches["rejects"].to_pydict()
    assert sorted(rejects["source_path"]) == ["binary.txt", "empty.txt", "table.xlsx"]
    assert all(rejects["error"])


def test_schemas_are_the_documented_ones() -> None:
    schemas = govreport.schemas()
    assert list(schemas) == list(govreport.TABLES)
    fact_types = {f.name: f.type for f in schemas["facts"]}
    assert fact_types["value"] == pa.float64()
    assert fact_types["as_of_date"] == pa.date32()
    assert schemas["documents"].field("fetched_at").type == pa.timestamp("us", tz="UTC")
    assert schemas["documents"].metadata[b"schema_version"]


def test_tables_and_record_batches_and_string_content_are_taken(corpus: Path) -> None:
    files = corpus_files(corpus)[:3]
    reference = govreport.extract_batch(as_batch(files))
    table = pa.table(
        {
            "path": pa.array([p for p, _ in files], pa.large_string()),
            "content": pa.array([c for _, c in files], pa.large_binary()),
        }
    )
    from_table = govreport.extract_batch(table)
    as_text = govreport.extract_batch(
        {"path": [p for p, _ in files], "content": [c.decode("utf-8") for _, c in files]}
    )
    for name in govreport.TABLES:
        assert from_table[name].equals(reference[name])
        assert as_text[name].equals(reference[name])


def test_bad_input_is_a_reject_or_a_type_error_never_a_crash() -> None:
    bad = [b"", b"\x00" * 10_000, b"\x7fELF\x02\x01" + bytes(500), b"%PDF-1.7\n%%EOF", b"PK\x03\x04"]
    batches = govreport.extract_batch(
        {"path": [f"bad{i}.txt" for i in range(len(bad))] + [None], "content": bad + [None]}
    )
    assert batches["documents"].num_rows == 0
    rejects = batches["rejects"].to_pydict()
    assert rejects["source_path"] == [f"bad{i}.txt" for i in range(len(bad))] + [""]
    assert all(e for e in rejects["error"])
    with pytest.raises(TypeError, match="content"):
        govreport.extract_batch(pa.record_batch({"path": ["a.txt"]}))
    with pytest.raises(TypeError, match="not binary"):
        govreport.extract_batch(pa.record_batch({"path": ["a.txt"], "content": [1]}))


def test_an_empty_batch_gives_empty_tables() -> None:
    batches = govreport.extract_batch({"path": [], "content": []})
    assert [b.num_rows for b in batches.values()] == [0] * len(govreport.TABLES)
