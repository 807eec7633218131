"""Shared fixtures: the repository, the command line the package is compared with, and a
small corpus (the five seed reports of data/ and a few files made here)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Tuple

import pytest

if TYPE_CHECKING:
    import pyarrow as pa

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "data").glob("*.txt"))


def cli() -> str:
    """The command line the package is compared with: $GOVREPORT_BIN, else the release build."""
    path = os.environ.get("GOVREPORT_BIN") or str(ROOT / "target" / "release" / "govreport")
    if not Path(path).is_file():
        pytest.skip(f"no govreport binary at {path} (run `make build`)")
    return path


def walk_order(path: str) -> Tuple[str, ...]:
    """A run's order: file names compared folder by folder (walkdir's sort by file name)."""
    return tuple(path.split("/"))


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds, a Markdown and an HTML version of one, a copy in a subfolder (a duplicate
    body), and bad files: empty, binary, and a format govreport does not read."""
    root = tmp_path_factory.mktemp("corpus")
    for seed in SEEDS:
        shutil.copy(seed, root / seed.name)
    first = SEEDS[0].read_text(encoding="utf-8")
    (root / "md").mkdir()
    (root / "md" / "report.md").write_text("# " + first, encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>\n" for line in first.splitlines() if line.strip())
    page = (
        '<html><head><meta charset="gb18030"><title>报告</title></head><body>'
        f"<div class='nav'>首页 &gt; 政务公开</div>{paragraphs}</body></html>"
    )
    (root / "page.html").write_bytes(page.encode("gb18030"))
    (root / "mirror").mkdir()
    shutil.copy(SEEDS[1], root / "mirror" / SEEDS[1].name)
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "table.xlsx").write_bytes(b"PK\x03\x04 not a report")
    return root


def corpus_files(root: Path) -> List[Tuple[str, bytes]]:
    """Every file under root as (path relative to root, bytes), in a run's order."""
    files = [
        (p.relative_to(root).as_posix(), p.read_bytes()) for p in root.rglob("*") if p.is_file()
    ]
    return sorted(files, key=lambda f: walk_order(f[0]))


def as_batch(files: List[Tuple[str, bytes]]) -> Dict[str, list]:
    return {"path": [p for p, _ in files], "content": [c for _, c in files]}


#: The columns that identify a row of each table (for comparing rows in any order).
ROW_KEYS = {
    "documents": ["doc_id"],
    "texts": ["doc_id"],
    "sections": ["doc_id", "section_id"],
    "facts": ["doc_id", "fact_id"],
    "dates": ["doc_id", "date_id"],
    "rejects": ["source_path"],
}


def sorted_rows(table: "pa.Table", like: "pa.Table", name: str) -> list:
    """The rows of ``table`` with the columns and types of ``like`` (what a cluster engine
    writes may widen types: Spark keeps timestamps as nanoseconds), sorted by the row keys."""
    import pyarrow as pa

    table = table.select(like.schema.names).cast(pa.schema(list(like.schema)))
    rows = table.to_pylist()
    return sorted(rows, key=lambda r: tuple(str(r[k]) for k in ROW_KEYS[name]))


def assert_same_tables(run: dict, other: dict, batch_duplicates: bool = False) -> None:
    """Every table of ``other`` has the rows of ``run``'s. With ``batch_duplicates``, other's
    ``duplicate_of`` was set within each batch (the first copy in path order among the batch's
    documents): it may be null, or another copy with the same body, where the run names the
    first copy of all; every other column is equal."""
    for name, expected_table in run.items():
        expected = sorted_rows(expected_table, expected_table, name)
        got = sorted_rows(other[name], expected_table, name)
        assert len(got) == len(expected), name
        body = {e.get("doc_id"): e.get("body_sha") for e in expected}
        for g, e in zip(got, expected):
            if name == "documents" and batch_duplicates:
                copy = g["duplicate_of"]
                assert copy is None or body.get(copy) == e["body_sha"], (copy, e)
                g = {**g, "duplicate_of": e["duplicate_of"]}
            assert g == e, (name, g.get("doc_id") or g.get("source_path"))


def run_tables(root: Path, out: Path) -> dict:
    """`govreport run` on root into out (from an empty folder, so no pipeline file is read)."""
    import subprocess

    import pyarrow.parquet as pq

    import govreport

    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [cli(), "run", "--input", str(root), "--output", str(out), "--formats", "parquet", "-q"],
        cwd=out.parent,
        check=True,
        capture_output=True,
    )
    return {t: pq.read_table(out / f"{t}.parquet") for t in govreport.TABLES}
