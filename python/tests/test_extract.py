"""`govreport.extract` against `govreport extract FILE`: the same JSON, and the same reject
sentence as an exception where the command line refuses the file."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

import govreport
from conftest import SEEDS, cli


def cli_extract(path: Path) -> dict:
    out = subprocess.run([cli(), "extract", str(path)], capture_output=True, check=True)
    result: dict = json.loads(out.stdout)
    return result


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name for s in SEEDS])
def test_extract_equals_the_command_line_on_the_seeds(seed: Path) -> None:
    got = govreport.extract(seed.read_bytes(), filename=seed.name)
    assert got == cli_extract(seed)
    assert got["document"]["source_path"] == seed.name
    assert got["facts"], "the seeds all have facts"


def test_text_is_taken_as_utf8_and_the_name_decides_markdown(tmp_path: Path) -> None:
    text = SEEDS[2].read_text(encoding="utf-8")
    as_md = tmp_path / "report.md"
    as_md.write_text(text, encoding="utf-8")
    got = govreport.extract(text, filename="report.md")
    assert got == cli_extract(as_md)
    assert got["document"]["source_format"] == "md"


@pytest.mark.parametrize(
    "name,data",
    [("empty.txt", b""), ("binary.txt", bytes(range(256)) * 4), ("sheet.xlsx", b"PK\x03\x04")],
)
def test_refused_bytes_raise_the_reject_sentence(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    refused = subprocess.run([cli(), "extract", str(path)], capture_output=True, text=True)
    assert refused.returncode != 0
    with pytest.raises(govreport.GovreportError) as raised:
        govreport.extract(data, filename=name)
    sentence = str(raised.value)
    assert sentence
    # The command line says `FILE: sentence`.
    assert f"{path}: {sentence}" in refused.stderr


def test_extract_refuses_what_is_not_bytes() -> None:
    with pytest.raises(TypeError):
        govreport.extract(12)  # type: ignore[arg-type]
