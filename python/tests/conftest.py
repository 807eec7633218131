"""Shared fixtures: the repository, the command line the package is compared with, and a
small corpus (the five seed reports of data/ and a few files made here)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

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
