"""`govreport.run`: the command line's run, its flags from keyword options, its failures as
GovreportError with the command line's message."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

import govreport
from conftest import cli


@pytest.fixture(autouse=True)
def the_tested_binary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVREPORT_BIN", cli())


def test_run_writes_every_table_and_returns_the_summary(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = govreport.run(corpus, out, partition_by_year=True, threads=2, formats="parquet")
    assert summary["exit_code"] == 0
    assert summary["rejected"] == 3
    assert summary["documents"] == summary["tables"]["documents"] > 0
    # --partition-by-year: facts/year=…/part-0.parquet; indicators and panel (polars) too.
    assert sorted(p.name for p in (out / "facts").iterdir())[0].startswith("year=")
    assert pq.read_table(out / "facts").num_rows == summary["tables"]["facts"]
    assert (out / "panel.parquet").is_file() and (out / "report.html").is_file()
    assert not list(out.rglob("*.csv")), "formats='parquet' wrote no CSV"


def test_a_failed_run_raises_the_command_lines_message(tmp_path: Path) -> None:
    with pytest.raises(govreport.GovreportError, match="cannot be read"):
        govreport.run(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(govreport.GovreportError, match="max-reject-rate"):
        bad = tmp_path / "bad"
        bad.mkdir()
        (bad / "a.txt").write_bytes(b"")
        (bad / "b.txt").write_text("某某县2024年法治政府建设情况报告\n一、主要举措\n", encoding="utf-8")
        govreport.run(bad, tmp_path / "out", max_reject_rate=0.1)


def test_options_become_flags() -> None:
    from govreport import _flags  # type: ignore[attr-defined]

    flags = _flags({"partition_by_year": True, "csv_bom": False, "threads": 2, "formats": ["parquet", "csv"], "files_from": None})
    assert flags == ["--partition-by-year", "--threads", "2", "--formats", "parquet,csv"]


def test_the_command_line_is_looked_up_in_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GOVREPORT_BIN", "/opt/govreport")
    assert govreport.cli_path() == "/opt/govreport"
    monkeypatch.delenv("GOVREPORT_BIN")
    bundled = Path(govreport.__file__).parent / "bin" / "govreport"
    if bundled.is_file():
        assert govreport.cli_path() == str(bundled)
    else:
        fake = tmp_path / "govreport"
        fake.write_text("#!/bin/sh\n")
        fake.chmod(0o755)
        monkeypatch.setenv("PATH", str(tmp_path))
        assert govreport.cli_path() == str(fake)
