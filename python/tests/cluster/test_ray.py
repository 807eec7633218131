"""The Ray Data adapter against `govreport run` (make test-cluster)."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import govreport
from conftest import assert_same_tables, run_tables

if not os.environ.get("GOVREPORT_CLUSTER_TESTS"):
    pytest.skip("Ray test: heavy (ray), run by `make test-cluster`", allow_module_level=True)

ray = pytest.importorskip("ray")


@pytest.fixture(scope="module")
def ray_local():
    ray.init(num_cpus=2, include_dashboard=False, ignore_reinit_error=True)
    yield
    ray.shutdown()


def test_ray_tables_equal_the_runs(ray_local, corpus: Path, tmp_path: Path) -> None:
    from govreport.ray import extract_table, read_files, write_tables

    run = run_tables(corpus, tmp_path / "run" / "out")
    files = read_files(str(corpus)).repartition(3)
    for table in govreport.TABLES:
        extract_table(files, table).write_parquet(str(tmp_path / "ray" / table))
    by_ray = {t: pq.read_table(tmp_path / "ray" / t) for t in govreport.TABLES}
    assert_same_tables(run, by_ray, batch_duplicates=True)
    written = write_tables(files, str(tmp_path / "parts"))
    assert written == {t: run[t].num_rows for t in govreport.TABLES}
    by_parts = {t: pq.read_table(tmp_path / "parts" / t) for t in govreport.TABLES}
    assert_same_tables(run, by_parts, batch_duplicates=True)
